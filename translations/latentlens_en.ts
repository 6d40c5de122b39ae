<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>latentlens::app::MainWindow</name>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="574"/>
        <source>, %n slice(s)</source>
        <translation>
            <numerusform>, %n slice</numerusform>
            <numerusform>, %n slices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="575"/>
        <source>, %n channel(s)</source>
        <translation>
            <numerusform>, %n channel</numerusform>
            <numerusform>, %n channels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="576"/>
        <source>, %n frame(s)</source>
        <translation>
            <numerusform>, %n frame</numerusform>
            <numerusform>, %n frames</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="825"/>
        <source>Wrote %1 (%n panel(s)).</source>
        <translation>
            <numerusform>Wrote %1 (%n panel).</numerusform>
            <numerusform>Wrote %1 (%n panels).</numerusform>
        </translation>
    </message>
</context>
</TS>
