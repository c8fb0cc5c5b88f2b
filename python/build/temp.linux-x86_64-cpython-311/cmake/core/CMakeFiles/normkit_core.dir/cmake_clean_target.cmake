file(REMOVE_RECURSE
  "libnormkit_core.a"
)
