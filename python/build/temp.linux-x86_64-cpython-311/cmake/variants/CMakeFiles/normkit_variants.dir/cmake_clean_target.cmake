file(REMOVE_RECURSE
  "libnormkit_variants.a"
)
