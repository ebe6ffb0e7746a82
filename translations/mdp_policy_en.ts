<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>mdp::policy::ui::ClassificationDialog</name>
    <message>
        <source>Request a classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review a request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sub-kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this classification (required; kept in the audit trail without patient identifiers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your review note (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This subject identifies a person or is restricted: it cannot go below level %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::policy::ui::ClassificationPage</name>
    <message>
        <source>Request a level…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put in force…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install policy file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every field, identifier, document and image series carries a category and a security level (1 public to 5 most restricted); the level decides who reads it, masked or not. A change is requested, reviewed by a data manager and put in force as a new signed policy version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Puts a policy document, or one signed with this workspace&apos;s key, in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by field, form or category (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks for another category or level for the selected subject (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules give</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests waiting for review or to be put in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches every accepted request against the rules, decides its level and issues the next signed policy version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy in force: version %1, the built-in default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy in force: version %1, issued %2 by %3, signed with workspace key %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n decided classification(s); counts under %1 are not shown.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The classification cannot be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient identifiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derived values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided by a data manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request no. %1 open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>level %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted: put in force with the next version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 (%3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) is now %3, %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request no. %1 was recorded; review it below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request no. %1 was recorded; a data manager reviews it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was not recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request no. %1 for %2: %3, %4.
Reason: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is request no. %1 rejected?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request no. %1 was accepted; put it in force to apply it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request no. %1 was rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review was not recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every accepted request is matched against the rules, decided (never below its floor) and put in force as the next signed policy version. Note for the record:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy version %1 is in force.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was put in force: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install policy file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read as a policy (at most 4 MiB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy version %1 is in force (was %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy was refused and version %1 stays in force: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::policy::ui::PolicyFeature</name>
    <message>
        <source>Classification</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
