file(REMOVE_RECURSE
  "libnormkit_pipeline.a"
)
