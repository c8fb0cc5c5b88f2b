# Empty dependencies file for normkit_core.
# This may be replaced when dependencies are built.
