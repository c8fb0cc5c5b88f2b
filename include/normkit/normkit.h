// Everything in normkit's public API.
#ifndef NORMKIT_NORMKIT_H_
#define NORMKIT_NORMKIT_H_

#include "normkit/date_finder.h"
#include "normkit/encoding.h"
#include "normkit/header_cleaner.h"
#include "normkit/icu_transform.h"
#include "normkit/json_record.h"
#include "normkit/normalizer.h"
#include "normkit/pipeline.h"
#include "normkit/pipeline_audit.h"
#include "normkit/rule_files.h"
#include "normkit/status.h"
#include "normkit/transliterator.h"
#include "normkit/variant_index.h"
#include "normkit/version.h"

#endif  // NORMKIT_NORMKIT_H_
