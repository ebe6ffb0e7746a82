<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>main</name>
    <message>
        <source>MDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MDP demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo workspace could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the synthetic demo patients (first start only)...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::accounts::PasswordPolicy</name>
    <message>
        <source>The password must be at least %n characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must be at most %n characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must mix at least %n of these kinds of characters: lower-case letters, upper-case letters, digits, other characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must not contain the user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least %1 characters, mixing at least %2 of: lower-case letters, upper-case letters, digits, other characters; not containing the user name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::accounts::Role</name>
    <message>
        <source>Clinician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Researcher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethics reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System administrator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::forms::ui::FormDesigner</name>
    <message>
        <source>+ Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a section after the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a field after the selected one (inside a repeating group when a group is selected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected section or field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Structure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a cross-field rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the whole definition: ids, types, ranges and every expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled form)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title (中文)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description (中文)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description (English)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records of this form attach to timeline events of these types; the review category routes them to reviewers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decimal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coded value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeating group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label (中文)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label (English)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help (中文)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help (English)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be filled in before submitting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decimals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earliest date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One option per line: code | 中文 | English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification level 1 (public) to 5 (most sensitive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitivity level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calculation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visible if</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(new rule)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: blocks submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: shown and recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message (中文)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message (English)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown beside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operators: + - * / = != &lt; &lt;= &gt; &gt;= and or not. Functions: abs, round, min, max, if, empty, present, days, count, sum, len, matches, contains, date, today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a JSON object (%1 at offset %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The definition is valid: %n field(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n rule(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The preview shows the last state that passed the check: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::forms::ui::FormView</name>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rows yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Add row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calculated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calculated from other fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event has no files to refer to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove row %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add a row to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove row %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, row %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>: errors must be corrected before the record can be submitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: warnings are recorded and do not block submission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mdp::forms::ui::RecordDiffView</name>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No field differs: the values are the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) differ</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> (changed %1, added %2, removed %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::registry::AttachmentInspector</name>
    <message>
        <source>a PDF document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a DICOM file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is declared as %1 but its content is not one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (it looks like %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF document is truncated or damaged: its end-of-file marker is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PNG image is damaged: its header chunk is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PNG image is truncated or damaged: its end chunk is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JPEG image is truncated or damaged: its end-of-image marker is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DICOM file is damaged: its meta information header is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files of type &quot;%1&quot; cannot be attached; PDF, PNG, JPEG and DICOM files can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large (%1 MiB; the limit is %2 MiB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a ZIP archive or office document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is longer than announced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read to its end (%1 of %2 bytes)%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file name is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file name is longer than 255 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file name must not contain folders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file name contains control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file name is not a name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::registry::RecordValidator</name>
    <message>
        <source>The %1 is longer than 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 contains characters that cannot be printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phone number may contain digits, spaces and + - ( ) only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number is longer than 32 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The e-mail address is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address must be at most 256 printable characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An identifier has no value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An identifier must be at most 64 printable characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An identifier&apos;s issuer must be at most 128 printable characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date entered differs from the one in the resident ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sex entered differs from the one the resident ID encodes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A passport number has 5 to 20 letters and digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>family name in Latin letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>given name in Latin letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A patient needs a name (in Chinese or Latin letters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date is missing or not a valid date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date lies in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date is before 1850.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same identifier was entered twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An event needs a start date or time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event starts before the patient&apos;s birth date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An event needs a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An event title must be at most 200 printable characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An annotation must be at most 20000 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The structured detail of an event must be at most 256 KiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A form record link must be an id of 1 to 128 printable characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason for this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason must be at most 1000 characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::registry::Registry</name>
    <message>
        <source>No such patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such timeline event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record was changed by someone else in the meantime (it is now at version %1); reload it and apply your change again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A patient with this %1 is already registered as %2: open that record or merge into it instead of creating a second one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No free pseudonymous ID could be drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient already has a death event; edit that one instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merge chain of a patient does not end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such merge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was merged into another; edit the surviving record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient already has this identifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such entry in the duplicate queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This pair was already resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A patient cannot be merged into itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The surviving record %1 is itself merged into another record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record %1 is already merged into another record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This merge was already undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A later merge involving %1 or %2 is still in force; undo it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merged record is not marked as merged into the survivor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A moved event is no longer with the surviving record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A moved identifier is no longer with the surviving record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was merged into another; add the event to the surviving record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event was removed; restore it before editing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event was removed; restore it before annotating.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event was already removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event has no version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files of type &quot;%1&quot; cannot be attached; PDF, PNG, JPEG and DICOM files can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No vault is available to check the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not in the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event was removed; restore it before attaching files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is already attached to the event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment disappeared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such attachment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was already detached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A project id has 1 to 64 ASCII letters, digits and . _ : -</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::registry::ResidentId</name>
    <message>
        <source>The resident ID is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a 15-digit resident ID of the old format; enter the 18-character number of the current card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A resident ID has 18 characters; this one has %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first 17 characters of a resident ID must be digits (character %1 is not).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last character of a resident ID must be a digit or X.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The region code of the resident ID does not start with a province code (characters 1-2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date in the resident ID (characters 7-14) is not a valid date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date in the resident ID (characters 7-14) lies in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check character of the resident ID does not match: a digit was probably mistyped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::AboutDialog</name>
    <message>
        <source>MDP Clinical Research Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About MDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Implements the group standard JH/CAA 008-2025, Overall Technical Specifications for a Multimodal Disease-Oriented Data Platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Components</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shown once a workspace is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Third-party components keep their own licences: Qt under the GNU LGPL v3, SQLCipher under a BSD-style licence, libgcrypt under the GNU LGPL v2.1 or later, OpenSSL under the Apache License 2.0, Noto CJK fonts under the SIL Open Font License 1.1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::AccountDialog</name>
    <message>
        <source>Enters and edits patient data of the cohort.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews submitted records and approves or rejects them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Works with de-identified data within approved grants only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews access requests for ethics compliance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approves access requests and manages data quality.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads and verifies the audit log; holds no other role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manages accounts, keys and the workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::AccountTableModel</name>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked by administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked out until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set up yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n failed sign-in(s) since the last success</source>
        <translation>
            <numerusform>%n failed sign-in since the last success</numerusform>
            <numerusform>%n failed sign-ins since the last success</numerusform>
        </translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::AccountsPage</name>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One personal account per person, with the least role they need. Every change is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset authenticator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account list could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account %1 created. Give the initial password to its owner in person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account was not created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the account %1? Its owner cannot sign in until it is unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account %1 unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account %1 locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change was refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role of %1 is now %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role was not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of %1 was reset. Give it to its owner in person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password was not reset: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the authenticator of %1? Use this when the device is lost. The owner sets up a new authenticator at the next sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The authenticator of %1 was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The authenticator was not reset: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::AdminAccountWizardPage</name>
    <message>
        <source>First administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system administrator creates the accounts of clinicians, reviewers, researchers and auditors. Use a personal account, not a shared one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Wang Fang, Information Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower-case letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;; starts with a letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This password is the administrator&apos;s own and is different from the workspace passphrase. Administrators also confirm each sign-in with a code from an authenticator app; it is set up at the first sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::AuditEventTableModel</name>
    <message>
        <source>Sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked out after failed sign-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password reset by administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticator key issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticator confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticator reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data viewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data queried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key rotated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serious failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Major failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nobody identified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data key created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data key used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data key re-wrapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data key retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data key destroyed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key-encryption key created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key-encryption key rotated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old key-encryption key erased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root key created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace passphrase changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient details changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient record opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient records merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient merge undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicate dismissed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project pseudonym issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline viewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline event added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline event edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline event annotated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline event removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline event restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File detached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database commit anchored</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::AuditLogPage</name>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace what one user did over a period, or what happened to one datum. Every search is itself recorded in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By user and period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By data ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type:id, e.g. patient:P-000123, or the ID alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an event to see its full record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No events match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a data ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-reading and checking every event of the log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The chain is intact: %n event(s) verified against the signed checkpoint.</source>
        <translation>
            <numerusform>The chain is intact: %n event verified against the signed checkpoint.</numerusform>
            <numerusform>The chain is intact: %n events verified against the signed checkpoint.</numerusform>
        </translation>
    </message>
    <message>
        <source>at event #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the signed checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log was altered: first problem %1 (%2). %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a user and a period, or a data ID, then search. Nothing is read until you do.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::CipherNames</name>
    <message>
        <source>SM4-CBC (national algorithm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SM4-GCM (national algorithm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AES-256-CBC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AES-256-GCM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SM4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AES-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace passphrase, %1 with %2 iterations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hardware security token (PKCS#11) %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::CommandLine</name>
    <message>
        <source>MDP clinical research workstation (JH/CAA 008-2025).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start on a throw-away demo workspace with one account per role, signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role to sign in as in demo mode (default: clinician). One of: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace folder to open or create.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language: zh_CN or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the first window as a PNG image once it is shown, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown role &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown language &quot;%1&quot; (use zh_CN or en)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown page &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page to show first: overview, patients, reviews, forms, audit-log, accounts, keys or my-account.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::DoneWizardPage</name>
    <message>
        <source>Workspace created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encrypted workspace is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next steps: create an account for each person who uses this workstation (Accounts page) and check the keys (Keys page).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as %1 with the password you just chose.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::EncryptionWizardPage</name>
    <message>
        <source>SM4 national algorithm (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AES-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the algorithm that encrypts the database and the file store. It cannot be changed after the workspace is created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GB/T 32907-2016 · meets JH/CAA 008-2025 §7.4.3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Chinese commercial cryptographic standard required for sensitive health data. Database pages are encrypted with SM4-CBC, files with SM4-GCM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FIPS 197 · international standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose it only when a partner institution requires AES. Database pages are encrypted with AES-256-CBC, files with AES-256-GCM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In both cases the keys are derived with PBKDF2-HMAC-SM3 and the audit log is chained with SM3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::FirstRunWizard</name>
    <message>
        <source>Set up MDP</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::FormDesignerPage</name>
    <message>
        <source>Save as new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the definition; a changed form becomes its next version (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry forms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Design the structured forms clinicians fill in. Saving a changed form makes its next version; records keep the version they were entered with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import JSON file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forms in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the changes to the form being edited?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2 · version %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the form an id and a title, then add its sections and fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large for a form definition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is loaded into the designer. Save stores it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not pass the check yet; fix what the designer points at, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is unchanged; version %2 stays current.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; was saved as version %2. New records use it; existing records keep their version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a form definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form definitions (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the form definition</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::FormHistoryDialog</name>
    <message>
        <source>Saved as draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amendment started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every save, submission and review decision is kept as a version. Select one version to see what it changed, or two (Ctrl+click) to compare them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved, formal version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a version to see its changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes from revision %1 to revision %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, row %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No field changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::FormRecordDialog</name>
    <message>
        <source>Form record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every version with who, when and why, and what changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the submission back before a reviewer acts; it becomes your draft again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start an amendment of the approved record; the formal version stays in force until the amendment is approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the record as it is stored now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save what is entered; only you see a draft (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every rule and send the record to a reviewer (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formal version %1 in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No formal version yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned by the reviewer: %1
Correct the record and submit it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no reason given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for review; the record cannot be changed meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for review by %1; the record cannot be changed meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved as formal version %1 and locked. Changes go through an amendment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amendment of formal version %1 (%2). Version %1 stays in force until this amendment is approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This draft belongs to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this record after you opened it, so nothing was saved (%1). Your entries are still in the form; Reload shows the stored version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account may not do this: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record was refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft saved. Only you can see it until you submit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft saved (revision %1). Only you can see it until you submit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Not submitted: %n field(s) need correcting: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Submitted for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted for review by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The submission was withdrawn; the record is your draft again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An amendment needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amendment started. Formal version %1 stays in force until the amendment is approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amend record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why does the approved record need to change? The reason is kept with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the entries as a draft before closing?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::KeyTableModel</name>
    <message>
        <source>Root key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key-encryption key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroyed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::KeysPage</name>
    <message>
        <source>Rotate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The root key protects one key-encryption key per purpose, which in turn wraps the data keys. Key material never leaves the key hierarchy; only these facts are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moves the selected purpose to a new key-encryption key version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotating re-wraps every data key of the purpose under a new key-encryption key and erases the old one; the data itself is not re-encrypted. Rotate after staff changes or a suspected exposure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate the key-encryption key for “%1”?

Every data key of this purpose is re-wrapped under a new version and the old version is erased. The action is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key for “%1” was rotated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was not rotated: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::LocationWizardPage</name>
    <message>
        <source>Workspace location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace is one folder. Put it on a local disk that is backed up; the contents are encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the folder out of synchronised cloud drives: the audit log detects an older copy put back, and such drives do exactly that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the workspace folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::LoginDialog</name>
    <message>
        <source>MDP – Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinical research workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data stay encrypted on this workstation. Every sign-in is recorded in the tamper-evident audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Implements JH/CAA 008-2025</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6-digit code from your authenticator app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up your authenticator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caps Lock is on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use another account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock and sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up two-step sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the workspace passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the code your authenticator app shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking the workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the audit log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing patients for search: %L1 of %L2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking your credentials…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace passphrase is wrong. Nothing was changed; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is older than the last state recorded in the audit log: an earlier copy appears to have been put back. Do not enter data; contact your system administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace is damaged or was altered outside MDP (%1). Contact your system administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace was found in this folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The verification code is wrong or was already used. Enter the current code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many failed sign-ins. The account is locked until %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is locked. Ask a system administrator to unlock it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role requires two-step sign-in. Enter the code your authenticator app shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing your authenticator key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role requires two-step sign-in and no authenticator is set up yet for this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code was not accepted. Check that the device&apos;s clock is right and enter the current code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticator set up. Wait for the next code (each code works once) and enter it to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::MainWindow</name>
    <message>
        <source>MDP Clinical Research Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify audit chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The workspace is intact: the database, the audit chain of %n event(s) and the rollback anchor are consistent.</source>
        <translation>
            <numerusform>The workspace is intact: the database, the audit chain of %n event and the rollback anchor are consistent.</numerusform>
            <numerusform>The workspace is intact: the database, the audit chain of %n events and the rollback anchor are consistent.</numerusform>
        </translation>
    </message>
    <message>
        <source>A problem was found: %1

Do not enter data and contact your system administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinical research workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify audit chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About MDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database %1, files %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit events: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integrity not yet verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integrity verified %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integrity problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form designer is not part of this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mail relay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record of this notice is not available to you: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::MyAccountPage</name>
    <message>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up authenticator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An authenticator app is set up for this account. If you lose the device, ask a system administrator to reset it; you then set up a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role requires a code from an authenticator app at each sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role does not require it, but a code from an authenticator app at each sign-in protects your account further.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password was not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your current password first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The authenticator could not be set up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code was not accepted. Check that the device&apos;s clock is right and enter the current code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your authenticator is set up.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::Navigation</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::NewPatientDialog</name>
    <message>
        <source>Checked against the identity card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open existing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18 characters, e.g. 11010519491231002X</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name in Chinese characters, e.g. 张伟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole registry is searched before the record is saved. The patient receives a pseudonymous ID automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional for patients without a resident ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of 18 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Valid: born %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A patient with this ID already exists: %1. No second record is created; open the existing one instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This may be a patient already registered. Check the record(s) below before creating a new one; if you create it anyway, the pair is queued for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% likely: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::NotificationBell</name>
    <message>
        <source>Notifications: nothing unread (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Notifications: %n unread (Ctrl+Shift+N)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mdp::shell::NotificationMailDialog</name>
    <message>
        <source>Send test message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail relay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review notices are also e-mailed through this relay, always over TLS with a verified certificate. A message names the form, the record and the patient&apos;s pseudonymous ID only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relay host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Implicit TLS (usually port 465)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port and security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty when the relay needs no sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: PEM file of the relay&apos;s CA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test recipient address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a short message through the relay with these settings (not saved yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored settings could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged (stored encrypted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another task is running; try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings were not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved, but the change could not be audited: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test recipient is not a plain e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MDP test message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message checks the mail relay of the MDP workstation. No patient data is in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending a test message through %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The relay accepted the test message (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test message was not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::NotificationPanel</name>
    <message>
        <source>Mark all read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a notice to open its record. Notices name patients by pseudonymous ID only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another task is running; notices appear when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notices could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications (%1 unread)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notices yet. You will be told here when a record needs your review or a review of yours is decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notice could not be marked read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notices could not be marked read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::NotificationText</name>
    <message>
        <source>Review assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review reassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A submitted record waits for your review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A review task was moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A review task was moved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review period has passed; the data managers were told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your record was approved and is now a formal version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your record was approved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your record was returned for correction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned for correction. Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::OverviewPage</name>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome, %1. The state of the workspace on this workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root key protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committed transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the database pages, the audit hash chain and the rollback anchor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not verified in this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification checks the database, the audit hash chain and that no older copy of the database was put back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intact</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Verified %1: database, audit chain of %n event(s) and rollback anchor are consistent.</source>
        <translation>
            <numerusform>Verified %1: database, audit chain of %n event and rollback anchor are consistent.</numerusform>
            <numerusform>Verified %1: database, audit chain of %n events and rollback anchor are consistent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Problem found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events in the tamper-evident, hash-chained log. Sign-ins, account changes, key use and every reading of the log are recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::PassphraseStrength</name>
    <message numerus="yes">
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>Use at least %n character.</numerusform>
            <numerusform>Use at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>Do not repeat one character or a short pattern.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not acceptable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::PassphraseWizardPage</name>
    <message>
        <source>I understand that a lost passphrase cannot be recovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase unlocks the workspace. Every key that encrypts your data is derived from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters; not one character or a short pattern repeated. A sentence of several words is easy to remember and hard to guess.</source>
        <translation>
            <numerusform>At least %n character; not one character or a short pattern repeated. A sentence of several words is easy to remember and hard to guess.</numerusform>
            <numerusform>At least %n characters; not one character or a short pattern repeated. A sentence of several words is easy to remember and hard to guess.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody can reset or recover this passphrase, not even the vendor. If it is lost, the encrypted data in this workspace cannot be read again. Write it down and keep it in a sealed envelope in a safe place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::PatientDuplicatesModel</name>
    <message>
        <source>Patient A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Likelihood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::PatientEventDialog</name>
    <message>
        <source>Chief complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICD-10 code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinical stage (cTNM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Molecular subtype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specimen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Histological grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ER (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PR (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Margins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fractions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fraction number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Term (CTCAE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECOG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Structured detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional note for the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened, e.g. &quot;Radiotherapy 50 Gy / 25 fx&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required: why the event is changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason for the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event is added to the timeline as version 1; every later change is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change is saved as a new version with your reason; earlier versions stay.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::PatientEventFieldsModel</name>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (limit %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ✓ met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ✗ not met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked form records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, last changed %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::PatientFormsPanel</name>
    <message>
        <source>Forms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in a form for this event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amendment of v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned by the reviewer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::PatientHistoryDialog</name>
    <message>
        <source>Restore this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every change makes a new version; none is ever overwritten. Restoring an older version records a new one with its content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::PatientLineageDialog</name>
    <message>
        <source>Undo merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merges this record took part in. Undoing a merge puts back exactly what it moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for undoing the merge (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was never merged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undone %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merge was undone: %1 is a record of its own again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::PatientMergeDialog</name>
    <message>
        <source>Merge patient records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The events, files and identifiers of the merged record move to the record that is kept. The merge is recorded and can be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the other record: pseudonymous ID, name or pinyin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required, e.g. &quot;same person: ID card checked at the desk&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the other record above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (verified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already merged into another record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::PatientPage</name>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click an event on the timeline (or select it and press Enter) to see its record and files side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Structured record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the patient list (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an event to the timeline (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a note to the selected event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected event from the timeline; its versions stay (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a PDF, PNG, JPEG or DICOM file to the selected event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every version of the selected event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole history (0 on the timeline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge with…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge another record of the same person into this one, or this one into it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merges of this record; undo a merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‹ Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the kept record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>born %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>identity hidden for your role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was merged into another one; its events are shown there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No diagnosis recorded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnosis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) attached; files are not shown to your role.</source>
        <translation>
            <numerusform>%n file attached; files are not shown to your role.</numerusform>
            <numerusform>%n files attached; files are not shown to your role.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file could not be read from the vault: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo: %1 (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to undo (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo: %1 (Ctrl+Shift+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to redo (Ctrl+Shift+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change could not be undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No patient is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event is not on this timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edit &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>annotate &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; was removed from the timeline. Undo (Ctrl+Z) brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restore version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotate event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for &quot;%1&quot;:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is &quot;%1&quot; removed? Its versions stay in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents and images (*.pdf *.png *.jpg *.jpeg *.dcm);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large (%1 MiB; the limit is %2 MiB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an event on the timeline first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking and encrypting &quot;%1&quot;…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not attached: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; was attached and stored encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another task is running; try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was merged into %2. Undo it from the merge history if this was a mistake.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merge was undone: %1 and %2 are separate records again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::PatientSearchModel</name>
    <message>
        <source>Found by its %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pseudonymous ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::PatientText</name>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unspecified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surgery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Radiotherapy course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Radiotherapy fraction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chemotherapy cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immunotherapy cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imaging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laboratory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toxicity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Death</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored an earlier version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File detached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical record number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same pinyin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>similar pinyin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same unverified identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pseudonymous ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pinyin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>initials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n y</source>
        <comment>age in completed years</comment>
        <translation>
            <numerusform>%n y</numerusform>
            <numerusform>%n y</numerusform>
        </translation>
    </message>
    <message>
        <source>Total dose (Gy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fractions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose per fraction (Gy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fractions delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fraction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose (Gy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laterality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image guidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drugs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regimen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned cycles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interval (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose (mg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose per kg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Term (Chinese)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CTCAE version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immune-related</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ongoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICD-10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinical stage (cTNM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Molecular subtype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathology type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specimen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ER (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PR (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TILs (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size (mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residual tumour (mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Margins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes examined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathological complete response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RCB class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RCB index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ypT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ypN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconstruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Axilla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quadrant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BI-RADS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RECIST response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status (Chinese)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECOG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chief complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multidisciplinary team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age at diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age (years)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height (cm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Months after surgery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days after neoadjuvant therapy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose to organs at risk and target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Biopsy and pathology</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::PatientsPage</name>
    <message>
        <source>Another task is running; the search waits for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find any patient by pseudonymous ID, name, pinyin or diagnosis; results follow your typing. Every search and every record opened is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find patients by pseudonymous ID or diagnosis. Names and other identity are not shown to your role. Every search is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search: pseudonymous ID, name, pinyin or diagnosis (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search: pseudonymous ID or diagnosis (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register a new patient (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a few characters: part of a pseudonymous ID (P-…), a name, its pinyin or initials, or a diagnosis such as TNBC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a few characters: part of a pseudonymous ID (P-…) or a diagnosis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not the same person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patient</numerusform>
            <numerusform>%n patients</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No patient matches. Check the spelling or type less.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicates (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pair is waiting for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) may be the same person. Compare them, then merge or dismiss.</source>
        <translation>
            <numerusform>%n pair may be the same person. Compare them, then merge or dismiss.</numerusform>
            <numerusform>%n pairs may be the same person. Compare them, then merge or dismiss.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a pair to compare the two records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (verified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was merged into %2. The merge can be undone from the patient&apos;s merge history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not the same person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why are %1 and %2 different people?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued %1 · %2% likely: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::ReviewDecisionDialog</name>
    <message>
        <source>Approve record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve and lock this record?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return this record to its submitter?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The submitted values become formal version %1 and are locked; later changes need an amendment that is reviewed again. The submitter is notified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record goes back to its submitter as rejected, with your reason. They correct it and submit it again; you will see what they changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for rejection (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note for the record&apos;s history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What must be corrected, e.g. &quot;Total dose does not match the plan (50 Gy in 25 fractions)&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comment is kept in the record&apos;s history and the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The submitter reads this reason in their notice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reason is required: the submitter needs to know what to correct.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::ReviewInboxPage</name>
    <message>
        <source>Review inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted records waiting for review. You see every open task and may reassign it or escalate what is overdue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records submitted for your review. Check what changed, then approve or return the record to its submitter with a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>J or ↓ next · K or ↑ previous · Enter open · A approve · R reject · F filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys: J/K or ↑/↓ move · Enter open · A approve · R reject · F filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a task to see the submitted record and what changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All open tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter: patient, form, submitter, project (F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the tasks (F); Enter or ↓ returns to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only tasks of this data category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only tasks of this form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalate overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark every overdue task as escalated and tell its reviewer and the data managers (once per task)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand this task to another reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return the record to its submitter with a reason (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve: the values become the next formal version (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes since formal version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes since last submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another task is running; the inbox reloads when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review tasks could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to review. New submissions appear here and the bell tells you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No task matches the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All forms</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n open</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form of this record could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 (form version %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>submitted by %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>category %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reviewer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resubmitted after rejection. The reason given then: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An amendment of formal version %1, which stays in force until this is approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formal version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes since formal version %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No previous formal version: this record has never been approved, so every value is new. See &quot;Submitted record&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes since last submission (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First submission: there is no earlier submission to compare with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the assigned reviewer (%1) decides this task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · submission %3 · submitted by %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another task is running; try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved %1: formal version %2 is now in force and the submitter was notified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned %1 to the submitter with your reason; they were notified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reviewers could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task for %1 now lies with %2; both reviewers were notified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue tasks could not be escalated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No task needed escalating: overdue tasks are escalated once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n overdue task(s) escalated; their reviewers and the data managers were told.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Another reviewer acted first: the record changed after you opened it, so nothing was written. The inbox has been reloaded; check the record&apos;s current state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may not reassign this task: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may not decide this record (only its assigned reviewer may, and never on their own submission): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record is no longer waiting for you (withdrawn or reassigned). The inbox has been reloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record cannot be approved as it stands: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record cannot be rejected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task cannot be reassigned: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decision was not written: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::ReviewReassignDialog</name>
    <message>
        <source>Reassign review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand this review to another reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both reviewers are notified; the task keeps its submission number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other reviewer may take this task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. reviewer on leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::ReviewTaskModel</name>
    <message>
        <source>(default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue; escalated to the data managers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue: the review period has passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Resubmitted %n time(s) after rejection</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>First submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Radiotherapy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immunotherapy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toxicity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect when MDP is started again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after inactivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace locks itself after this many minutes without input; the passphrase is then needed again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::SummaryWizardPage</name>
    <message>
        <source>Ready to create the workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check your choices. Creating the workspace derives the keys from your passphrase, which takes a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SM4 national algorithm: database SM4-CBC, files SM4-GCM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AES-256: database AES-256-CBC, files AES-256-GCM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set and confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deriving keys and creating the encrypted workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::TotpEnrolmentWidget</name>
    <message>
        <source>Copy the link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. In your authenticator app, add an account by entering this key manually (time-based):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or paste this link into an app that accepts otpauth links:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Enter the code the app now shows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Algorithm %1 · %2 digits · new code every %3 seconds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::WelcomeWizardPage</name>
    <message>
        <source>Welcome to MDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This assistant sets up the encrypted workspace of this workstation. It takes about a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MDP keeps research data of your cohort in a workspace: an encrypted database, an encrypted file store and a tamper-evident audit log in one folder. Nothing is written to disk unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder that will hold the workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the workspace passphrase that protects every key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the encryption algorithm: SM4 (national standard) or AES-256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the first system administrator account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Have the passphrase ready that your data protection officer assigned to this workstation, or choose a new one now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::WorkspaceLocation</name>
    <message>
        <source>The folder is empty and will hold the new workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder does not exist yet and will be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder already contains other files. Choose an empty folder so the workspace is not mixed with unrelated data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder already holds an MDP workspace. Choose another folder, or cancel and open the existing workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This path is a file, not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a full path, starting at the root of the file system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You do not have permission to write to this location.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where the workspace will be stored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::WorkstationShell</name>
    <message numerus="yes">
        <source>Locked after %n minute(s) without activity.</source>
        <translation>
            <numerusform>Locked after %n minute without activity.</numerusform>
            <numerusform>Locked after %n minutes without activity.</numerusform>
        </translation>
    </message>
    <message>
        <source>The demo account for this role could not sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the demo workspace as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MDP demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace was locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have signed out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::shell::ui</name>
    <message>
        <source>Show the characters typed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
