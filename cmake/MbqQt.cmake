# Qt 6 for the core and ui layers. PrintSupport must be found before QCustomPlot's Qt 6 target.
find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets Test PrintSupport)
set(CMAKE_AUTOMOC ON)
qt_standard_project_setup()
