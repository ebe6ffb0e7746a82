cmake_minimum_required(VERSION 3.25)
# The registration check must fail on a tree with a suite nobody registered, and pass once it is.
set(root ${WORK}/registration-selftest)
file(REMOVE_RECURSE ${root})
file(WRITE ${root}/modules/demo/tests/tst_Registered.cpp "// registered\n")
file(WRITE ${root}/modules/demo/tests/tst_Forgotten.cpp "// never registered\n")
file(WRITE ${root}/list.txt "${root}/modules/demo/tests/tst_Registered.cpp\n")
execute_process(COMMAND ${CMAKE_COMMAND} -DROOT=${root} -DLIST=${root}/list.txt -P ${CHECK}
                RESULT_VARIABLE failed ERROR_VARIABLE out)
if(NOT failed OR NOT out MATCHES "tst_Forgotten.cpp")
  message(FATAL_ERROR "an unregistered suite went unnoticed: ${out}")
endif()
file(APPEND ${root}/list.txt "${root}/modules/demo/tests/tst_Forgotten.cpp\n")
execute_process(COMMAND ${CMAKE_COMMAND} -DROOT=${root} -DLIST=${root}/list.txt -P ${CHECK}
                RESULT_VARIABLE failed ERROR_VARIABLE out)
if(failed)
  message(FATAL_ERROR "a fully registered tree was refused: ${out}")
endif()
file(REMOVE_RECURSE ${root})
