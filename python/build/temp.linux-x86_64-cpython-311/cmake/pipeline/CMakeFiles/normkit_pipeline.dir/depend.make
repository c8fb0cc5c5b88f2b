# Empty dependencies file for normkit_pipeline.
# This may be replaced when dependencies are built.
