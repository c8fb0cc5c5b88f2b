# Empty dependencies file for normkit_normalize.
# This may be replaced when dependencies are built.
