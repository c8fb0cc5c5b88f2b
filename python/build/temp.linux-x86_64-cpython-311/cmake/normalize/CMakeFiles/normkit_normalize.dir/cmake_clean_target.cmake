file(REMOVE_RECURSE
  "libnormkit_normalize.a"
)
