# Empty compiler generated dependencies file for normkit_normalize_objects.
# This may be replaced when dependencies are built.
