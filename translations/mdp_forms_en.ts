<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
        <translation>
            <numerusform>The definition is valid: %n field</numerusform>
            <numerusform>The definition is valid: %n fields</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n rule(s).</source>
        <translation>
            <numerusform>, %n rule.</numerusform>
            <numerusform>, %n rules.</numerusform>
        </translation>
    </message>
    <message>
        <source>The preview shows the last state that passed the check: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::forms::ui::FormDesignerPage</name>
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
    <name>mdp::forms::ui::FormHistoryDialog</name>
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
    <name>mdp::forms::ui::FormRecordDialog</name>
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
        <translation>
            <numerusform>Not submitted: %n field need correcting: %1</numerusform>
            <numerusform>Not submitted: %n fields need correcting: %1</numerusform>
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
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
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
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mdp::forms::ui::FormsFeature</name>
    <message>
        <source>Reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record is not available to you: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::forms::ui::NotificationText</name>
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
    <message>
        <source>Access grant ending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The grant ends within %n day(s); its data and the local copy go with it. Request a renewal in My access to go on.</source>
        <translation>
            <numerusform>The grant ends within %n day; its data and the local copy go with it. Request a renewal in My access to go on.</numerusform>
            <numerusform>The grant ends within %n days; its data and the local copy go with it. Request a renewal in My access to go on.</numerusform>
        </translation>
    </message>
    <message>
        <source>Security alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>An audit alert rule fired on %n event(s). Open the audit log to see them.</source>
        <translation>
            <numerusform>An audit alert rule fired on %n event. Open the audit log to see it.</numerusform>
            <numerusform>An audit alert rule fired on %n events. Open the audit log to see them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Burst of failed sign-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed sign-ins while the workspace was closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulk access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download or export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privilege change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifying data read out of hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access attempted after a grant ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gap in the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integrity check failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::forms::ui::PatientFormsPanel</name>
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
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>No field differs: the values are the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) differ</source>
        <translation>
            <numerusform>%n field differ</numerusform>
            <numerusform>%n fields differ</numerusform>
        </translation>
    </message>
    <message>
        <source> (changed %1, added %2, removed %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::forms::ui::ReviewDecisionDialog</name>
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
    <name>mdp::forms::ui::ReviewInboxPage</name>
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
        <translation>
            <numerusform>%n open</numerusform>
            <numerusform>%n open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
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
        <translation>
            <numerusform>%n overdue task escalated; their reviewers and the data managers were told.</numerusform>
            <numerusform>%n overdue tasks escalated; their reviewers and the data managers were told.</numerusform>
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
    <name>mdp::forms::ui::ReviewReassignDialog</name>
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
    <name>mdp::forms::ui::ReviewTaskModel</name>
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
        <translation>
            <numerusform>Resubmitted %n time after rejection</numerusform>
            <numerusform>Resubmitted %n times after rejection</numerusform>
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
</TS>
