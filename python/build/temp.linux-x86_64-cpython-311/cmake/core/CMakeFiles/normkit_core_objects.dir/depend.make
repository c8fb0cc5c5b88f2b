# Empty dependencies file for normkit_core_objects.
# This may be replaced when dependencies are built.
