-- The questions of bench/questions.txt (shared with the C# load client and bench), cycled so the load looks like many users.
local dir = debug.getinfo(1, "S").source:match("@?(.*/)") or "./"
local questions = {}
for line in io.lines(dir .. "../questions.txt") do
  if line ~= "" then questions[#questions + 1] = line end
end
return questions
