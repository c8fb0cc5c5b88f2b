# Empty compiler generated dependencies file for normkit_translit_objects.
# This may be replaced when dependencies are built.
