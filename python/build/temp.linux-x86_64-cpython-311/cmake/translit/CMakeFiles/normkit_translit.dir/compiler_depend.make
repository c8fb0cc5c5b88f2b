# Empty compiler generated dependencies file for normkit_translit.
# This may be replaced when dependencies are built.
