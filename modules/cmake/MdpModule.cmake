# Project CMake helpers: one call per target, the layer of every target recorded, forbidden links
# refused at configure time (see STYLE.md "Dependency rule").

# Layers in order; a target may link MDP targets of its own layer or lower ones only.
set(MDP_LAYERS foundation crypto store audit domain service ui app test)

# Third-party link items a target below the ui layer must never use.
set(MDP_GUI_ONLY_LINKS Qt6::Gui Qt6::Widgets Qt6::OpenGL Qt6::OpenGLWidgets Qt6::WebEngineWidgets
    Qt6::WebEngineCore Qt6::Svg Qt6::SvgWidgets Qt6::PrintSupport Qt6::Pdf Qt6::PdfWidgets)
# Link items a Qt-Core-only "core" target must never use.
set(MDP_CORE_FORBIDDEN_LINKS ${MDP_GUI_ONLY_LINKS} Qt6::Sql Qt6::Network PkgConfig::SQLCIPHER)

set_property(GLOBAL PROPERTY MDP_TARGETS "")

# One precompiled header for the whole project, compiled once and reused by every MDP target
# (a PUBLIC header on a base library made each linking target compile its own copy). It holds Qt Core
# and standard headers only; every MDP target shares the compile definitions it was built with, which
# GCC requires for a precompiled header to be used rather than silently ignored.
function(_mdp_use_pch target)
  if(NOT TARGET mdp_pch)
    file(WRITE ${CMAKE_BINARY_DIR}/mdp_pch.cpp "// anchors the shared precompiled header\n")
    add_library(mdp_pch STATIC ${CMAKE_BINARY_DIR}/mdp_pch.cpp)
    target_link_libraries(mdp_pch PRIVATE Qt6::Core)
    set_target_properties(mdp_pch PROPERTIES POSITION_INDEPENDENT_CODE ON)
    _mdp_flags(mdp_pch)
    target_precompile_headers(mdp_pch PRIVATE <QByteArray> <QString> <QStringList> <QDateTime> <QJsonObject>
                              <QJsonArray> <QVariant> <QHash> <QList> <memory> <optional> <variant>
                              <vector> <functional>)
  endif()
  target_precompile_headers(${target} REUSE_FROM mdp_pch)
endfunction()

function(_mdp_warnings target)
  _mdp_flags(${target})
  _mdp_use_pch(${target})
endfunction()

function(_mdp_flags target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Winvalid-pch)
  if(MDP_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  target_compile_definitions(${target} PRIVATE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_KEYWORDS QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_BEFORE=0x060400 QT_NO_NARROWING_CONVERSIONS_IN_CONNECT)
  if(MDP_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

# mdp_add_module(<target> LAYER <layer> [CORE] SOURCES ... [PUBLIC_LINKS ...] [PRIVATE_LINKS ...]
#                [INCLUDE_DIRS ...])
# CORE marks a domain core: Qt Core only, no SQL, network, GUI, VTK or DCMTK.
function(mdp_add_module target)
  cmake_parse_arguments(ARG "CORE" "LAYER" "SOURCES;PUBLIC_LINKS;PRIVATE_LINKS;INCLUDE_DIRS;RESOURCES" ${ARGN})
  if(NOT ARG_LAYER IN_LIST MDP_LAYERS)
    message(FATAL_ERROR "${target}: unknown layer '${ARG_LAYER}' (known: ${MDP_LAYERS})")
  endif()
  add_library(${target} STATIC ${ARG_SOURCES} ${ARG_RESOURCES})
  add_library(mdp::${target} ALIAS ${target})
  target_include_directories(${target} PUBLIC ${ARG_INCLUDE_DIRS})
  target_link_libraries(${target} PUBLIC ${ARG_PUBLIC_LINKS} PRIVATE ${ARG_PRIVATE_LINKS})
  set_target_properties(${target} PROPERTIES MDP_LAYER ${ARG_LAYER} MDP_CORE "${ARG_CORE}"
                                             POSITION_INDEPENDENT_CODE ON)
  _mdp_warnings(${target})
  set_property(GLOBAL APPEND PROPERTY MDP_TARGETS ${target})
endfunction()

# mdp_add_program(<target> SOURCES ... LINKS ...)
function(mdp_add_program target)
  cmake_parse_arguments(ARG "" "" "SOURCES;LINKS" ${ARGN})
  add_executable(${target} ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE ${ARG_LINKS})
  set_target_properties(${target} PROPERTIES MDP_LAYER app RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin
                                             POSITION_INDEPENDENT_CODE ON)
  _mdp_warnings(${target})
  set_property(GLOBAL APPEND PROPERTY MDP_TARGETS ${target})
endfunction()

# mdp_add_test(<tst_Name> SOURCES ... LINKS ... [LABELS unit|gui|integration|system] [TIMEOUT s])
# Non-GUI tests run on the offscreen platform; GUI tests expect a display (the test command runs
# ctest under Xvfb).
function(mdp_add_test target)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LINKS;LABELS;ENVIRONMENT" ${ARGN})
  add_executable(${target} ${ARG_SOURCES})
  foreach(_src IN LISTS ARG_SOURCES)
    get_filename_component(_abs ${_src} ABSOLUTE BASE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
    set_property(GLOBAL APPEND PROPERTY MDP_TEST_SOURCES ${_abs})
  endforeach()
  target_link_libraries(${target} PRIVATE Qt6::Test ${ARG_LINKS})
  set_target_properties(${target} PROPERTIES MDP_LAYER test RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests
                                             POSITION_INDEPENDENT_CODE ON)
  target_compile_definitions(${target} PRIVATE MDP_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
                                               MDP_BINARY_DIR="${CMAKE_BINARY_DIR}")
  _mdp_warnings(${target})
  add_test(NAME ${target} COMMAND ${target})
  if(NOT ARG_LABELS)
    set(ARG_LABELS unit)
  endif()
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  set(env ${ARG_ENVIRONMENT})
  if(NOT "gui" IN_LIST ARG_LABELS)
    list(APPEND env QT_QPA_PLATFORM=offscreen)
  endif()
  set_tests_properties(${target} PROPERTIES LABELS "${ARG_LABELS}" TIMEOUT ${ARG_TIMEOUT}
                                            ENVIRONMENT "${env}")
  if("gui" IN_LIST ARG_LABELS)
    # GUI suites share one X display under xvfb-run: two at once steal each other's active window
    # (keyboard shortcuts then go nowhere). One at a time; the other suites still run beside them.
    set_tests_properties(${target} PROPERTIES RESOURCE_LOCK x_display)
  endif()
endfunction()

function(_mdp_layer_index layer out)
  list(FIND MDP_LAYERS "${layer}" idx)
  set(${out} ${idx} PARENT_SCOPE)
endfunction()

# Fails configuration when any recorded target breaks the dependency rule.
function(mdp_check_architecture)
  get_property(targets GLOBAL PROPERTY MDP_TARGETS)
  set(errors "")
  foreach(t IN LISTS targets)
    get_target_property(layer ${t} MDP_LAYER)
    get_target_property(core ${t} MDP_CORE)
    _mdp_layer_index(${layer} own)
    _mdp_layer_index(ui ui_idx)
    get_target_property(links ${t} LINK_LIBRARIES)
    get_target_property(ilinks ${t} INTERFACE_LINK_LIBRARIES)
    foreach(l IN LISTS links ilinks)
      if(NOT l OR l MATCHES "NOTFOUND$")
        continue()
      endif()
      string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" l "${l}")
      string(REGEX REPLACE "^mdp::" "" base "${l}")
      if(TARGET ${base} AND base IN_LIST targets)
        get_target_property(other ${base} MDP_LAYER)
        _mdp_layer_index(${other} oidx)
        if(oidx GREATER own)
          list(APPEND errors "${t} (layer ${layer}) links ${base} (layer ${other}), a higher layer")
        endif()
      endif()
      if(own LESS ui_idx AND l IN_LIST MDP_GUI_ONLY_LINKS)
        list(APPEND errors "${t} (layer ${layer}) links ${l}; only ui and above may")
      endif()
      if(core AND l IN_LIST MDP_CORE_FORBIDDEN_LINKS)
        list(APPEND errors "${t} is a Qt-Core-only core target but links ${l}")
      endif()
    endforeach()
  endforeach()
  if(errors)
    list(JOIN errors "\n  " msg)
    message(FATAL_ERROR "Architecture violations:\n  ${msg}")
  endif()
endfunction()

# mdp_add_translations(<target> <catalogue> SOURCES ...)
# One catalogue per module (translations/mdp_<catalogue>_<lang>.ts), embedded in <target> as
# :/i18n/mdp_<catalogue>_<lang>.qm; the workstation loads every catalogue it finds there.
function(mdp_add_translations target catalogue)
  cmake_parse_arguments(ARG "" "" "SOURCES" ${ARGN})
  qt_add_translations(${target}
    TS_FILES ${PROJECT_SOURCE_DIR}/translations/mdp_${catalogue}_zh_CN.ts
             ${PROJECT_SOURCE_DIR}/translations/mdp_${catalogue}_en.ts
    SOURCES ${ARG_SOURCES}
    LUPDATE_OPTIONS -no-obsolete -locations none
    RESOURCE_PREFIX /i18n)
endfunction()

# Fails configuration when a test source (tst_*.cpp anywhere in modules/, plugins/ or tests/) is not
# built by mdp_add_test: a suite that is never registered never runs, and nobody notices.
function(mdp_check_tests_registered)
  get_property(registered GLOBAL PROPERTY MDP_TEST_SOURCES)
  list(JOIN registered "\n" lines)
  file(WRITE ${CMAKE_BINARY_DIR}/registered_tests.txt "${lines}\n")
  file(GLOB_RECURSE found CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/modules/tst_*.cpp
       ${PROJECT_SOURCE_DIR}/plugins/tst_*.cpp ${PROJECT_SOURCE_DIR}/tests/tst_*.cpp)
  set(missing "")
  foreach(f IN LISTS found)
    if(NOT f IN_LIST registered)
      file(RELATIVE_PATH rel ${PROJECT_SOURCE_DIR} ${f})
      list(APPEND missing ${rel})
    endif()
  endforeach()
  if(missing)
    list(JOIN missing "\n  " msg)
    message(FATAL_ERROR "Test sources not registered with mdp_add_test (they would never run):\n  ${msg}")
  endif()
endfunction()

# mdp_add_plugin(<target> KIND <kind> SOURCES ... LINKS ...)
# A Qt plug-in (MODULE library) built into <build>/plugins/<kind>, where the programs and tests of
# the build tree look for it. Its symbols are hidden and the static MDP libraries it links stay
# private to it (--exclude-libs), so it exports only Qt's plug-in entry points; --no-undefined makes
# a symbol it lacks a link error here rather than a refusal at run time. No shared precompiled
# header: it is built with other visibility flags, which GCC would refuse the header for.
function(mdp_add_plugin target)
  cmake_parse_arguments(ARG "" "KIND" "SOURCES;LINKS" ${ARGN})
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE ${ARG_LINKS})
  target_link_options(${target} PRIVATE -Wl,--exclude-libs,ALL -Wl,--no-undefined)
  set_target_properties(${target} PROPERTIES MDP_LAYER app
                                             LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/plugins/${ARG_KIND}
                                             CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
  _mdp_flags(${target})
  set_property(GLOBAL APPEND PROPERTY MDP_TARGETS ${target})
endfunction()
