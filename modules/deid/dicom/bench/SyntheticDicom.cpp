#include "mdp/deid/SyntheticDicom.h"

#include <dcmtk/config/osconfig.h>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>

#include <vector>

namespace mdp::deid {

namespace {

const char *latin(const QString &text, QByteArray &keep)
{
    keep = text.toLatin1();
    return keep.constData();
}

} // namespace

Result<void> writeSyntheticDicom(const QString &path, const SyntheticDicomSpec &spec)
{
    DcmFileFormat file;
    DcmDataset *d = file.getDataset();
    QByteArray k;
    d->putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");
    d->putAndInsertString(DCM_SOPClassUID, latin(spec.sopClassUid, k));
    d->putAndInsertString(DCM_SOPInstanceUID, latin(spec.sopUid, k));
    d->putAndInsertString(DCM_StudyInstanceUID, latin(spec.studyUid, k));
    d->putAndInsertString(DCM_SeriesInstanceUID, latin(spec.seriesUid, k));
    d->putAndInsertString(DCM_FrameOfReferenceUID, latin(spec.frameOfReferenceUid, k));
    d->putAndInsertString(DCM_StudyDate, latin(spec.studyDate, k));
    d->putAndInsertString(DCM_SeriesDate, latin(spec.studyDate, k));
    d->putAndInsertString(DCM_ContentDate, latin(spec.studyDate, k));
    d->putAndInsertString(DCM_StudyTime, "093000");
    d->putAndInsertString(DCM_AcquisitionDateTime, latin(spec.acquisitionDateTime, k));
    d->putAndInsertString(DCM_AccessionNumber, "ACC-778899");
    d->putAndInsertString(DCM_Modality, latin(spec.modality, k));
    d->putAndInsertString(DCM_Manufacturer, latin(spec.manufacturer, k));
    d->putAndInsertString(DCM_ManufacturerModelName, latin(spec.model, k));
    d->putAndInsertString(DCM_DeviceSerialNumber, "SN-4455");
    d->putAndInsertString(DCM_StationName, "CT-ROOM-3");
    d->putAndInsertString(DCM_InstitutionName, "Synthetic General Hospital");
    d->putAndInsertString(DCM_InstitutionAddress, "1 Example Road, Haidian District, Beijing");
    d->putAndInsertString(DCM_ReferringPhysicianName, "Li^Si");
    d->putAndInsertString(DCM_OperatorsName, "Wang^Wu");
    d->putAndInsertString(DCM_StudyDescription, spec.studyDescription.toUtf8().constData());
    d->putAndInsertString(DCM_SeriesDescription, "Axial 5mm");
    d->putAndInsertString(DCM_PatientName, spec.patientName.toUtf8().constData());
    d->putAndInsertString(DCM_PatientID, latin(spec.patientId, k));
    d->putAndInsertString(DCM_PatientBirthDate, latin(spec.birthDate, k));
    d->putAndInsertString(DCM_PatientSex, "F");
    d->putAndInsertString(DCM_PatientAge, "054Y");
    d->putAndInsertString(DCM_PatientWeight, "61.5");
    d->putAndInsertString(DCM_PatientAddress, "2 Sample Street, Chaoyang District, Beijing");
    d->putAndInsertString(DCM_PatientTelephoneNumbers, "13812345678");
    d->putAndInsertString(DCM_RETIRED_OtherPatientIDs, "OTHER-99");
    d->putAndInsertString(DCM_StudyID, "STUDY-1");
    d->putAndInsertString(DCM_SeriesNumber, "2");
    d->putAndInsertString(DCM_InstanceNumber, "1");
    d->putAndInsertString(DCM_ImageComments, "Patient Zhang San, ID 110101199003074258");
    if (!spec.burnedInAnnotation.isEmpty())
        d->putAndInsertString(DCM_BurnedInAnnotation, latin(spec.burnedInAnnotation, k));
    if (!spec.referencedSopUid.isEmpty()) {
        DcmItem *item = nullptr;
        if (d->findOrCreateSequenceItem(DCM_ReferencedImageSequence, item, -2).good() && item) {
            item->putAndInsertString(DCM_ReferencedSOPClassUID, latin(spec.sopClassUid, k));
            item->putAndInsertString(DCM_ReferencedSOPInstanceUID, latin(spec.referencedSopUid, k));
        }
    }
    // A request attribute sequence with identifying content two levels down.
    DcmItem *request = nullptr;
    if (d->findOrCreateSequenceItem(DCM_RequestAttributesSequence, request, -2).good() && request) {
        request->putAndInsertString(DCM_RequestedProcedureID, "RP-1234");
        request->putAndInsertString(DCM_ScheduledProcedureStepID, "SPS-42");
        DcmItem *code = nullptr;
        if (request->findOrCreateSequenceItem(DCM_ScheduledProtocolCodeSequence, code, -2).good() && code) {
            code->putAndInsertString(DCM_CodeValue, "CTCHEST");
            code->putAndInsertString(DCM_CodingSchemeDesignator, "99LOCAL");
            code->putAndInsertString(DCM_CodeMeaning, "CT chest");
        }
    }
    // Private attributes: one ordinary block and, when asked, values of a vendor.
    d->putAndInsertString(DcmTag(0x0009, 0x0010, EVR_LO), "ACME PRIVATE 1.0");
    d->putAndInsertString(DcmTag(0x0009, 0x1001, EVR_LO), "Zhang San private copy");
    d->putAndInsertString(DcmTag(0x0019, 0x0010, EVR_LO), "SIEMENS MR HEADER");
    d->putAndInsertString(DcmTag(0x0019, 0x100C, EVR_IS), "1000");
    d->putAndInsertString(DcmTag(0x0019, 0x1010, EVR_LO), "Zhang San");

    if (spec.pixelData) {
        d->putAndInsertUint16(DCM_SamplesPerPixel, 1);
        d->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
        d->putAndInsertUint16(DCM_Rows, Uint16(spec.rows));
        d->putAndInsertUint16(DCM_Columns, Uint16(spec.columns));
        d->putAndInsertUint16(DCM_BitsAllocated, 16);
        d->putAndInsertUint16(DCM_BitsStored, 12);
        d->putAndInsertUint16(DCM_HighBit, 11);
        d->putAndInsertUint16(DCM_PixelRepresentation, 0);
        std::vector<Uint16> pixels(size_t(spec.rows) * size_t(spec.columns));
        for (size_t i = 0; i < pixels.size(); ++i)
            pixels[i] = Uint16(100 + (i * 7) % 3000);
        d->putAndInsertUint16Array(DCM_PixelData, pixels.data(), static_cast<unsigned long>(pixels.size()));
    }
    const OFCondition status = file.saveFile(path.toLocal8Bit().constData(), EXS_LittleEndianExplicit,
                                             EET_ExplicitLength, EGL_recalcGL);
    if (status.bad())
        return makeError(Error::Code::Io,
                         QStringLiteral("cannot write %1: %2").arg(path, QString::fromLatin1(status.text())));
    return {};
}

} // namespace mdp::deid
