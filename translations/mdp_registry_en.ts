<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>mdp::policy::Classification</name>
    <message>
        <source>Personal attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demographics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Biometrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chief complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physical examination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genetic and molecular</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifestyle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test and examination reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surgery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nursing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Informed consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level 1: public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level 2: internal, de-identified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level 3: controlled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level 4: restricted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level 5: strictly restricted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unclassified</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::policy::Decision</name>
    <message>
        <source>this data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access permitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only counts are shown: open records need an access grant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access policy is in force on this workstation, so nothing can be opened. A data manager installs one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account holds no role the access policy knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your roles do not allow this (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient has withdrawn consent: their data can no longer be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exports need a connection to the authorization server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation&apos;s certificate is not trusted: data above level 2 cannot be opened here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access policy&apos;s rule &quot;%1&quot; refuses this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data-protection training is not on file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have not signed the data-use agreement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level %1 data needs a second factor: sign in again with your authenticator code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This belongs to another site or to a project you are not a member of: request access to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is level %1 data, above what your roles open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no access grant for %1 at level %2 (%3): request access to see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your grants do not cover %1 at level %2 (%3) now: request access to see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level 5 data needs a temporary grant approved at several levels and narrowed to the patients concerned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This access could not be checked and recorded (no valid time, or the audit log refused the record), so nothing is shown.</source>
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
    <message>
        <source>This account&apos;s roles do not hold the identity key: patient names and identifiers cannot be read or changed here.</source>
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
    <name>mdp::registry::ui::NewPatientDialog</name>
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
    <message>
        <source>Why this is a different person (recorded in the audit log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why this is a different person before registering it separately.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another patient already holds this ID: %1 (checked against a document on neither record). Open that record, or register a separate person and say why; the pair is then queued for a data manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register as a separate person</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::registry::ui::PatientDuplicatesModel</name>
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
    <name>mdp::registry::ui::PatientEventDialog</name>
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
    <name>mdp::registry::ui::PatientEventFieldsModel</name>
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
    <name>mdp::registry::ui::PatientHistoryDialog</name>
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
    <name>mdp::registry::ui::PatientLineageDialog</name>
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
    <name>mdp::registry::ui::PatientMergeDialog</name>
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
    <message>
        <source>Merge although the verified resident IDs differ (data manager, audited)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::registry::ui::PatientPage</name>
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
    <name>mdp::registry::ui::PatientSearchModel</name>
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
    <message>
        <source>Diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::registry::ui::PatientText</name>
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
    <message>
        <source>assigned to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worked on recently</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::registry::ui::PatientsFeature</name>
    <message>
        <source>Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>born %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::registry::ui::PatientsPage</name>
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
    <message numerus="yes">
        <source>Your patients: %n assigned, </source>
        <translation>
            <numerusform>Your patients: %n assigned, </numerusform>
            <numerusform>Your patients: %n assigned, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n worked on recently</source>
        <translation>
            <numerusform>%n worked on recently</numerusform>
            <numerusform>%n worked on recently</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your patients: %n worked on recently</source>
        <translation>
            <numerusform>Your patients: %n worked on recently</numerusform>
            <numerusform>Your patients: %n worked on recently</numerusform>
        </translation>
    </message>
    <message>
        <source>Patients are being indexed for search; the results appear when this is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients are being indexed for search: %L1 of %L2 (%3%). The results appear when this is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count patients by pseudonymous ID or diagnosis. Your role sees how many match, not who; opening records needs an access grant. Every count is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request access…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for a time-limited grant to open de-identified records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role sees how many patients match, not who they are: %1 Type a pseudonymous ID or a diagnosis to count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fewer than %1 patients match</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>At least %n patients match</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) match</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1. Counts only: opening records needs an access grant (Request access…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This patient cannot be opened: %1 Use “Request access…” to ask for the scope you need.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your request %1 was sent to the site server. Ethics review comes first, then the approvers; follow it under My access.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
