# Empty compiler generated dependencies file for normkit_variants.
# This may be replaced when dependencies are built.
