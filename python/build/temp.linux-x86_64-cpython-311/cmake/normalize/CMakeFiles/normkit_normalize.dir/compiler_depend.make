# Empty compiler generated dependencies file for normkit_normalize.
# This may be replaced when dependencies are built.
