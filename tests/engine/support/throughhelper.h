#pragma once

// The probe and map suites run twice in CTest: once reading HDF5 and MAT-files in the test
// process, and once (LATENTLENS_TEST_THROUGH_HELPER set) through the programs' helper,
// `latentlens-cli check-file`, which reads each file and hands back what it read
// (engine/core/isolatedread.h). Every value and every message the suite checks must then come
// out the same.

#include "engine/core/isolatedread.h"

#include <QtGlobal>

namespace latentlens::testing {

inline void readThroughHelperWhenAsked()
{
    if (qEnvironmentVariableIsSet("LATENTLENS_TEST_THROUGH_HELPER"))
        engine::setIsolatedReader({ LATENTLENS_CLI_PATH, "check-file" });
}

} // namespace latentlens::testing
