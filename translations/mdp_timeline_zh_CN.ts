<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>mdp::timeline::Lanes</name>
    <message>
        <source>First visit</source>
        <translation>初诊</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Biopsy and pathology</source>
        <translation>活检与病理</translation>
    </message>
    <message>
        <source>Surgery</source>
        <translation>手术</translation>
    </message>
    <message>
        <source>Radiotherapy</source>
        <translation>放疗</translation>
    </message>
    <message>
        <source>Chemotherapy</source>
        <translation>化疗</translation>
    </message>
    <message>
        <source>Immunotherapy</source>
        <translation>免疫治疗</translation>
    </message>
    <message>
        <source>Imaging</source>
        <translation>影像检查</translation>
    </message>
    <message>
        <source>Laboratory</source>
        <translation>实验室检查</translation>
    </message>
    <message>
        <source>Toxicity</source>
        <translation>不良反应</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>随访</translation>
    </message>
    <message>
        <source>Death</source>
        <translation>死亡</translation>
    </message>
</context>
<context>
    <name>mdp::timeline::ui::TimelineView</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>No events on this timeline yet</source>
        <translation>时间轴上尚无事件</translation>
    </message>
    <message>
        <source>Patient timeline</source>
        <translation>患者时间轴</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1：%2，%3</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s).</source>
        <translation>
            <numerusform>共 %n 个事件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Selected: %1.</source>
        <translation>已选中：%1。</translation>
    </message>
    <message>
        <source>Arrow keys move between events, Enter opens one.</source>
        <translation>方向键在事件之间移动，回车键打开所选事件。</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n 个事件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>……另有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Double-click to zoom in</source>
        <translation>双击放大</translation>
    </message>
    <message numerus="yes">
        <source>%1 – %2 (%n day(s))</source>
        <translation>
            <numerusform>%1 – %2（%n 天）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fraction(s) or cycle(s)</source>
        <translation>
            <numerusform>%n 个分次或周期</numerusform>
        </translation>
    </message>
    <message>
        <source>Has attached files</source>
        <translation>有附件</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>事件类型</translation>
    </message>
</context>
</TS>
