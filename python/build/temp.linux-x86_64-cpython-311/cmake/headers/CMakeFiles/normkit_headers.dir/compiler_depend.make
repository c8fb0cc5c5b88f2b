# Empty compiler generated dependencies file for normkit_headers.
# This may be replaced when dependencies are built.
