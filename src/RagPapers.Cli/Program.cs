// Placeholder entry point while the console front-end is built (replaced in the CLI commit).
return 0;
