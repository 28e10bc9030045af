-- wrk script: GET /api/search, cycling through the questions.
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua"
local questions = require("questions")
local i = 0

local function encode(text)
  return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

request = function()
  i = i + 1
  return wrk.format("GET", "/api/search?q=" .. encode(questions[i % #questions + 1]) .. "&top=10")
end
