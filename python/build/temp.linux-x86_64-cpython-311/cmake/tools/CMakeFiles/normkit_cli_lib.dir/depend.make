# Empty dependencies file for normkit_cli_lib.
# This may be replaced when dependencies are built.
