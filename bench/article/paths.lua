-- wrk: GET a random one of the paths listed in PATHS_FILE (one a line), the same list for the
-- service and for nginx, which serves the same bytes under the same paths.
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do
  paths[#paths + 1] = line
end
math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 1000)
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
