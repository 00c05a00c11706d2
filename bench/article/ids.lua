-- wrk: GET a random one of the imported articles, by id (ID_MIN..ID_MAX from the environment),
-- from PATH_PREFIX ("/api/articles/" for the service, "/a/" + ".json" for nginx).
local min = tonumber(os.getenv("ID_MIN"))
local max = tonumber(os.getenv("ID_MAX"))
local prefix = os.getenv("PATH_PREFIX")
local suffix = os.getenv("PATH_SUFFIX") or ""
math.randomseed(os.time())
request = function()
  return wrk.format("GET", prefix .. math.random(min, max) .. suffix)
end
