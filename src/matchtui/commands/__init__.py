"""One module per CLI command, each with run(args, workspace) -> exit code."""
