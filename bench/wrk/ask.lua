-- wrk script: POST /api/ask (extractive writer), cycling through the questions.
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua"
local questions = require("questions")
local i = 0

request = function()
  i = i + 1
  local body = '{"question": "' .. questions[i % #questions + 1] .. '"}'
  return wrk.format("POST", "/api/ask", { ["Content-Type"] = "application/json" }, body)
end
