<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>mdp::timeline::Lanes</name>
    <message>
        <source>First visit</source>
        <translation>First visit</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <source>Biopsy and pathology</source>
        <translation>Biopsy and pathology</translation>
    </message>
    <message>
        <source>Surgery</source>
        <translation>Surgery</translation>
    </message>
    <message>
        <source>Radiotherapy</source>
        <translation>Radiotherapy</translation>
    </message>
    <message>
        <source>Chemotherapy</source>
        <translation>Chemotherapy</translation>
    </message>
    <message>
        <source>Immunotherapy</source>
        <translation>Immunotherapy</translation>
    </message>
    <message>
        <source>Imaging</source>
        <translation>Imaging</translation>
    </message>
    <message>
        <source>Laboratory</source>
        <translation>Laboratory</translation>
    </message>
    <message>
        <source>Toxicity</source>
        <translation>Toxicity</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Death</source>
        <translation>Death</translation>
    </message>
</context>
<context>
    <name>mdp::timeline::ui::TimelineView</name>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>No events on this timeline yet</source>
        <translation>No events on this timeline yet</translation>
    </message>
    <message>
        <source>Patient timeline</source>
        <translation>Patient timeline</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s).</source>
        <translation>
            <numerusform>%n event.</numerusform>
            <numerusform>%n events.</numerusform>
        </translation>
    </message>
    <message>
        <source>Selected: %1.</source>
        <translation>Selected: %1.</translation>
    </message>
    <message>
        <source>Arrow keys move between events, Enter opens one.</source>
        <translation>Arrow keys move between events, Enter opens one.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Double-click to zoom in</source>
        <translation>Double-click to zoom in</translation>
    </message>
    <message numerus="yes">
        <source>%1 – %2 (%n day(s))</source>
        <translation>
            <numerusform>%1 – %2 (%n day)</numerusform>
            <numerusform>%1 – %2 (%n days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fraction(s) or cycle(s)</source>
        <translation>
            <numerusform>%n fraction or cycle</numerusform>
            <numerusform>%n fractions or cycles</numerusform>
        </translation>
    </message>
    <message>
        <source>Has attached files</source>
        <translation>Has attached files</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>Event type</translation>
    </message>
</context>
</TS>
