# Empty dependencies file for normkit_python.
# This may be replaced when dependencies are built.
