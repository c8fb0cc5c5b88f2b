# Empty compiler generated dependencies file for normkit_python.
# This may be replaced when dependencies are built.
