# Empty compiler generated dependencies file for normkit_cyrillic_fallback_gen.
# This may be replaced when dependencies are built.
