# Empty dependencies file for normkit_variants_objects.
# This may be replaced when dependencies are built.
