# Empty compiler generated dependencies file for normkit_headers_objects.
# This may be replaced when dependencies are built.
