# Shared build settings: warnings, sanitizers, ccache.

find_program(LATENTLENS_CCACHE ccache)
if(LATENTLENS_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_C_COMPILER_LAUNCHER ${LATENTLENS_CCACHE})
    set(CMAKE_CXX_COMPILER_LAUNCHER ${LATENTLENS_CCACHE})
    message(STATUS "LatentLens: compiling through ccache (${LATENTLENS_CCACHE})")
endif()

add_library(latentlens_warnings INTERFACE)
target_compile_options(latentlens_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
    -Wcast-align -Wnull-dereference -Wimplicit-fallthrough
    $<$<BOOL:${LATENTLENS_WERROR}>:-Werror>)

# Full RELRO, as Debian's hardening flags ask of packaged programs (lintian:
# hardening-no-bindnow); only the programs' own relocations, so start-up does not slow.
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    add_link_options(LINKER:-z,relro,-z,now)
endif()

if(LATENTLENS_SANITIZE)
    list(JOIN LATENTLENS_SANITIZE "," _ll_san)
    add_compile_options(-fsanitize=${_ll_san} -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=${_ll_san})
    message(STATUS "LatentLens: sanitizers ${_ll_san}")
endif()

# Fuzzing: everything is compiled with libFuzzer's coverage instrumentation; the fuzz targets
# (tests/fuzz) add libFuzzer's main when they link.
if(LATENTLENS_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "LATENTLENS_FUZZ needs clang (libFuzzer); use the fuzz preset, "
            "which asks for clang++-14.")
    endif()
    add_compile_options(-fsanitize=fuzzer-no-link)
    message(STATUS "LatentLens: libFuzzer targets")
endif()

# What every Qt test runs with: no display, and where the shared data sets lie.
set(LATENTLENS_TEST_ENVIRONMENT
    "QT_QPA_PLATFORM=offscreen;LATENTLENS_SHARED_DATA=${PROJECT_SOURCE_DIR}/../shared/data")

# latentlens_add_qt_test(NAME source... LABELS l... LIBS lib...)
# One Qt Test executable per suite, registered in CTest with its labels.
function(latentlens_add_qt_test name)
    cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LABELS;LIBS;ENVIRONMENT" ${ARGN})
    add_executable(${name} ${T_SOURCES})
    set_target_properties(${name} PROPERTIES AUTOMOC ON)
    target_link_libraries(${name} PRIVATE Qt6::Test latentlens_warnings ${T_LIBS})
    target_compile_definitions(${name} PRIVATE
        LATENTLENS_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        LATENTLENS_CLI_PATH="$<TARGET_FILE:latentlens-cli>")
    add_test(NAME ${name} COMMAND ${name})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "${LATENTLENS_TEST_ENVIRONMENT};${T_ENVIRONMENT}")
endfunction()
