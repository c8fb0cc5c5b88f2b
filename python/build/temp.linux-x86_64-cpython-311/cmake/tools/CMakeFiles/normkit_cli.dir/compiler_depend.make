# Empty compiler generated dependencies file for normkit_cli.
# This may be replaced when dependencies are built.
