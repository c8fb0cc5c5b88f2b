# Empty dependencies file for normkit_pipeline_objects.
# This may be replaced when dependencies are built.
