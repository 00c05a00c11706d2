-- wrk: GET a random one of the paths listed in PATHS_FILE (one a line), on the target's host.
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do
  paths[#paths + 1] = line
end
math.randomseed(os.time())
request = function()
  return wrk.format("GET", paths[math.random(1, #paths)])
end
