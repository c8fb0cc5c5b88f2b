file(REMOVE_RECURSE
  "CMakeFiles/normkit_python_sources"
  "normkit/__init__.py"
  "normkit/__init__.pyi"
  "normkit/_errors.py"
  "normkit/_normkit.pyi"
  "normkit/dask.py"
  "normkit/py.typed"
)

# Per-language clean rules from dependency scanning.
foreach(lang )
  include(CMakeFiles/normkit_python_sources.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
