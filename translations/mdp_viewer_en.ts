<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>mdp::viewer::MediaTypeSniffer</name>
    <message>
        <source>PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JPEG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOM file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is labelled as a %1 but its content is not one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is labelled as a %1 but its content is a %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is named like a %1 but its content is not one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>files of type %1 cannot be previewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file type is not recognised</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::viewer::ui::DocumentViewer</name>
    <message>
        <source>views cannot be recorded in the audit log here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no signed-in viewer to name in the watermark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is larger than the preview limit of %1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOM preview comes with the imaging issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOM file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOM preview comes with the imaging issue. The file is kept in the encrypted vault; it is not previewed in this window yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>PDF · %n page(s)</source>
        <translation>
            <numerusform>PDF · %n page</numerusform>
            <numerusform>PDF · %n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 × %3 px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file type is not recognised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the view could not be recorded in the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document cannot be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document cannot be shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit page (Ctrl+2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to view (Ctrl+0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit width (Ctrl+0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual size (Ctrl+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protected preview: watermarked, not saved to this computer, every view recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No document open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file attached to an event to preview it here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::viewer::ui::ImageDecoder</name>
    <message>
        <source>the image could not be read from memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image data could not be decoded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image has no pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image is too large to preview safely (%1 × %2 pixels; the limit is %3 megapixels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image is too large to preview safely</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mdp::viewer::ui::PdfPageView</name>
    <message>
        <source>the PDF could not be read from memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF is protected by a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF is encrypted with a scheme that is not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF file is damaged or incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF has no pages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
