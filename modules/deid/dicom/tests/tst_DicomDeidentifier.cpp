// DICOM de-identification (issue 10, R-6.6.5a-d) against PS3.15 Table E.1-1 of edition 2024b, read
// from tests/data/dicom (the oracle, independent of the product's embedded copy). Every file here is
// synthetic, built with DCMTK in the test.

#include "mdp/deid/DicomDeidentifier.h"
#include "mdp/deid/SyntheticDicom.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <dcmtk/config/osconfig.h>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcdicent.h>
#include <dcmtk/dcmdata/dcdict.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcistrmb.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcvrus.h>

#include <memory>

using namespace mdp;
using namespace mdp::deid;

namespace {

QByteArray testKey(char fill = 'k')
{
    return QByteArray(32, fill);
}

struct OracleRow
{
    quint16 group = 0;
    quint16 element = 0;
    QString tag;
    QString name;
    QString basic;
    QJsonObject raw;
};

QList<OracleRow> oracle()
{
    QFile file(QStringLiteral(MDP_TEST_DATA_DIR "/dicom/confidentiality_profile_attributes_2024b.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<OracleRow> rows;
    for (const QJsonValue &v : QJsonDocument::fromJson(file.readAll()).array()) {
        const QJsonObject o = v.toObject();
        OracleRow row;
        row.tag = o.value(QStringLiteral("tag")).toString();
        row.name = o.value(QStringLiteral("name")).toString();
        row.basic = o.value(QStringLiteral("basicProfile")).toString();
        row.raw = o;
        // Masked and private rows get concrete tags chosen by the test.
        const QString digits = row.tag.mid(1, 4) + row.tag.mid(6, 4);
        bool ok = false;
        const quint32 tag = digits.toUInt(&ok, 16);
        if (ok) {
            row.group = quint16(tag >> 16);
            row.element = quint16(tag & 0xFFFF);
        }
        rows << row;
    }
    return rows;
}

std::unique_ptr<DcmFileFormat> parse(const QByteArray &bytes)
{
    auto file = std::make_unique<DcmFileFormat>();
    DcmInputBufferStream stream;
    stream.setBuffer(bytes.constData(), offile_off_t(bytes.size()));
    stream.setEos();
    file->transferInit();
    const OFCondition status = file->read(stream);
    file->transferEnd();
    if (status.bad())
        return nullptr;
    return file;
}

std::unique_ptr<DcmFileFormat> load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return nullptr;
    return parse(f.readAll());
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString str(DcmItem *item, const DcmTagKey &tag)
{
    OFString value;
    if (item->findAndGetOFStringArray(tag, value).bad())
        return {};
    return QString::fromUtf8(value.c_str());
}

bool has(DcmItem *item, const DcmTagKey &tag)
{
    return item->tagExists(tag);
}

// Every string value anywhere in the item, recursively.
void allStrings(DcmItem *item, QStringList &out)
{
    for (unsigned long i = 0; i < item->card(); ++i) {
        DcmElement *e = item->getElement(i);
        if (e->ident() == EVR_SQ) {
            auto *s = static_cast<DcmSequenceOfItems *>(e);
            for (unsigned long j = 0; j < s->card(); ++j)
                allStrings(s->getItem(j), out);
            continue;
        }
        OFString v;
        if (e->isaString() && e->getOFStringArray(v).good())
            out << QString::fromUtf8(v.c_str());
    }
}

QByteArray save(DcmFileFormat &file, const QString &path)
{
    if (file.saveFile(path.toLocal8Bit().constData(), EXS_LittleEndianExplicit).bad())
        return {};
    return readAll(path);
}

// An identifying value of the element's VR, unique per tag so a survivor can be traced to its row.
bool putIdentifying(DcmItem *item, const DcmTagKey &key, DcmEVR vr, QString &value)
{
    const QString hex = QStringLiteral("%1%2")
                            .arg(key.getGroup(), 4, 16, QLatin1Char('0'))
                            .arg(key.getElement(), 4, 16, QLatin1Char('0'));
    DcmTag tag(key, DcmVR(vr));
    switch (vr) {
    case EVR_SQ: {
        DcmItem *nested = nullptr;
        if (item->findOrCreateSequenceItem(tag, nested, -2).bad() || !nested)
            return false;
        nested->putAndInsertString(DCM_PatientName, "Nested^Identity");
        nested->putAndInsertString(DCM_PatientID, "NESTED-PATIENT-ID");
        value = QStringLiteral("Nested^Identity");
        return true;
    }
    case EVR_PN:
        value = QStringLiteral("Ident^P") + hex;
        break;
    case EVR_DA:
        value = QStringLiteral("19800102");
        break;
    case EVR_TM:
        value = QStringLiteral("101010");
        break;
    case EVR_DT:
        value = QStringLiteral("19800102101010");
        break;
    case EVR_AS:
        value = QStringLiteral("045Y");
        break;
    case EVR_DS:
        value = QStringLiteral("12.5");
        break;
    case EVR_IS:
        value = QStringLiteral("77");
        break;
    case EVR_UI:
        value = QStringLiteral("1.2.826.0.1.3680043.2.1125.") + QString::number(key.getGroup()) +
                QLatin1Char('.') + QString::number(key.getElement());
        break;
    case EVR_UR:
        value = QStringLiteral("http://ident.example/") + hex;
        break;
    case EVR_CS:
    case EVR_AE:
    case EVR_SH:
        value = QStringLiteral("ID") + hex.toUpper();
        break;
    case EVR_US:
    case EVR_SS:
    case EVR_UL:
    case EVR_SL:
    case EVR_FL:
    case EVR_FD:
    case EVR_AT:
    case EVR_OB:
    case EVR_OW:
    case EVR_OF:
    case EVR_OD:
    case EVR_OL:
    case EVR_OV:
    case EVR_SV:
    case EVR_UV:
    case EVR_UN: {
        // Numbers and bytes: the test checks presence and change, not text.
        DcmElement *e = DcmItem::newDicomElement(tag);
        if (!e)
            return false;
        if (vr == EVR_OB || vr == EVR_UN || vr == EVR_OW || vr == EVR_OF || vr == EVR_OD || vr == EVR_OL ||
            vr == EVR_OV) {
            const Uint8 bytes[8] = {0x49, 0x44, 0x45, 0x4e, 0x54, 0x49, 0x54, 0x59};
            e->putUint8Array(bytes, 8);
        } else {
            e->putString("4321");
        }
        value.clear();
        return item->insert(e, true).good();
    }
    default:
        value = QStringLiteral("Identifying text ") + hex;
        break;
    }
    DcmElement *e = DcmItem::newDicomElement(tag);
    if (!e)
        return false;
    e->putString(value.toUtf8().constData());
    return item->insert(e, true).good();
}

DcmEVR dictionaryVr(quint16 group, quint16 element)
{
    const DcmDataDictionary &dict = dcmDataDict.rdlock();
    const DcmDictEntry *entry = dict.findEntry(DcmTagKey(group, element), nullptr);
    DcmEVR vr = entry ? entry->getEVR() : EVR_UNKNOWN;
    dcmDataDict.rdunlock();
    switch (vr) {
    case EVR_xs:
        return EVR_US;
    case EVR_ox:
    case EVR_px:
        return EVR_OW;
    case EVR_lt:
        return EVR_OW;
    case EVR_up:
        return EVR_UL;
    case EVR_UNKNOWN:
    case EVR_UNKNOWN2B:
    case EVR_na:
        return EVR_LO; // not in DCMTK 3.6.7's dictionary: written as LO
    default:
        return vr;
    }
}

} // namespace

class tst_DicomDeidentifier : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    QString synthetic(const QString &name, const SyntheticDicomSpec &spec = {}) const
    {
        const QString p = path(name);
        QDir().mkpath(QFileInfo(p).absolutePath());
        auto written = writeSyntheticDicom(p, spec);
        return written ? p : QString();
    }

    static QStringList filesUnder(const QString &dir)
    {
        QStringList files;
        QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << QDir(dir).relativeFilePath(it.next());
        files.sort();
        return files;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(dcmDataDict.isDictionaryLoaded(), "DCMTK's dictionary (libdcmtk17) is needed");
        QCOMPARE(oracle().size(), 621);
    }

    // R-6.6.5a, R-6.6.5c: one file carrying every row of Table E.1-1 (VR from DCMTK's dictionary),
    // masked groups and private attributes; after the Basic Profile no row keeps its value.
    void everyTableRowLosesItsIdentifyingValue()
    {
        DcmFileFormat file;
        DcmDataset *d = file.getDataset();
        d->putAndInsertString(DCM_SOPClassUID, "1.2.840.10008.5.1.4.1.1.2");
        const QList<OracleRow> rows = oracle();
        QHash<QString, QString> original; // tag text -> identifying value
        QStringList notPlaced;
        for (const OracleRow &row : rows) {
            if (row.group == 0 && row.element == 0)
                continue; // masked and private rows below
            if (row.group == 0x0002)
                continue; // file meta: checked through the written meta header
            QString value;
            if (!putIdentifying(d, DcmTagKey(row.group, row.element), dictionaryVr(row.group, row.element),
                                value))
                notPlaced << row.tag;
            original.insert(row.tag, value);
        }
        QCOMPARE(notPlaced, QStringList());
        // (50xx,xxxx), (60xx,3000), (60xx,4000) and (gggg,eeee) with gggg odd.
        d->putAndInsertUint16(DcmTagKey(0x5002, 0x0005), 1);
        d->putAndInsertString(DcmTag(0x5002, 0x3000, EVR_OW), "");
        d->putAndInsertUint16(DcmTagKey(0x6000, 0x0010), 8);
        d->putAndInsertString(DcmTag(0x6000, 0x4000, EVR_LT), "Overlay of Ident^Patient");
        {
            const Uint16 bits[4] = {1, 2, 3, 4};
            d->putAndInsertUint16Array(DcmTag(0x6000, 0x3000, EVR_OW), bits, 4);
        }
        d->putAndInsertString(DcmTag(0x0009, 0x0010, EVR_LO), "ACME PRIVATE 1.0");
        d->putAndInsertString(DcmTag(0x0009, 0x1001, EVR_LO), "Private Ident^Patient");
        // A private attribute inside a sequence of a kept attribute.
        DcmItem *nested = nullptr;
        QVERIFY(d->findOrCreateSequenceItem(DCM_ReferencedSeriesSequence, nested, -2).good());
        nested->putAndInsertString(DcmTag(0x0011, 0x0010, EVR_LO), "ACME PRIVATE 2.0");
        nested->putAndInsertString(DcmTag(0x0011, 0x1002, EVR_LO), "Nested private Ident^Patient");
        const QString metaSop = QStringLiteral("1.2.826.0.1.3680043.2.1125.2.3");
        file.getMetaInfo()->putAndInsertString(DCM_MediaStorageSOPInstanceUID,
                                               metaSop.toLatin1().constData());
        d->putAndInsertString(DCM_SOPInstanceUID, metaSop.toLatin1().constData());

        const QByteArray input = save(file, path(QStringLiteral("every-row.dcm")));
        QVERIFY(!input.isEmpty());
        const DicomDeidentifier deid(DicomDeidOptions{}, testKey());
        auto output = deid.deidentifyBytes(input);
        QVERIFY2(output.ok(), qPrintable(output.ok() ? QString() : output.error().message));
        auto result = parse(output.value());
        QVERIFY(result);
        DcmDataset *r = result->getDataset();

        QStringList kept;
        int checked = 0;
        for (const OracleRow &row : rows) {
            if ((row.group == 0 && row.element == 0) || row.group == 0x0002)
                continue;
            ++checked;
            const DcmTagKey key(row.group, row.element);
            const QString before = original.value(row.tag);
            const bool present = has(r, key);
            const QString after = present ? str(r, key) : QString();
            DcmElement *element = nullptr;
            r->findAndGetElement(key, element);
            const bool isSequence = element && element->ident() == EVR_SQ;
            const auto changed = [&] {
                if (isSequence) {
                    QStringList inside;
                    DcmSequenceOfItems *s = nullptr;
                    r->findAndGetSequence(key, s);
                    for (unsigned long j = 0; s && j < s->card(); ++j)
                        allStrings(s->getItem(j), inside);
                    return !inside.contains(QStringLiteral("Nested^Identity")) &&
                           !inside.contains(QStringLiteral("NESTED-PATIENT-ID"));
                }
                if (before.isEmpty()) // binary value: it must not be the one written
                    return element &&
                           (element->getLength() != 8 || row.basic == u"D" || row.basic.contains(u'D'));
                return after != before;
            };
            bool ok = false;
            if (row.basic == u"X")
                ok = !present;
            else if (row.basic == u"Z")
                ok = present &&
                     (after.isEmpty() || (isSequence && changed()) ||
                      ((key == DCM_PatientID || key == DCM_PatientName) && after.startsWith(u"MDP")));
            else if (row.basic == u"D")
                // A UN value has no dummy of its VR: removal is the only safe replacement.
                ok = (present && changed()) || (!present && dictionaryVr(row.group, row.element) == EVR_UN);
            else if (row.basic == u"U")
                ok = (present && after.startsWith(QStringLiteral("2.25.")) && after != before) ||
                     // command-group UIDs (0000,xxxx) have no place in a stored data set
                     (!present && row.group == 0x0000);
            else // conditional: removed, emptied or replaced
                ok = !present || after.isEmpty() || changed();
            if (!ok)
                kept << QStringLiteral("%1 %2 [%3] -> %4").arg(row.tag, row.name, row.basic, after);
        }
        QCOMPARE(checked, 621 - 4 - 1); // 3 masked rows, the private row, the meta row
        QVERIFY2(kept.isEmpty(), qPrintable(kept.join(QLatin1Char('\n'))));

        // No original identifying text survives anywhere, at any depth.
        QStringList everything;
        allStrings(r, everything);
        for (const QString &value : std::as_const(original)) {
            if (!value.isEmpty() && value != u"0")
                QVERIFY2(!everything.contains(value), qPrintable(value));
        }
        for (const QString &s : std::as_const(everything))
            QVERIFY2(!s.contains(QStringLiteral("Ident^Patient")), qPrintable(s));
        // Masked rows and private attributes are gone; the overlay group goes whole.
        QVERIFY(!has(r, DcmTagKey(0x5002, 0x0005)) && !has(r, DcmTagKey(0x5002, 0x3000)));
        QVERIFY(!has(r, DcmTagKey(0x6000, 0x3000)) && !has(r, DcmTagKey(0x6000, 0x4000)));
        QVERIFY(!has(r, DcmTagKey(0x6000, 0x0010)));
        QVERIFY(!has(r, DcmTagKey(0x0009, 0x0010)) && !has(r, DcmTagKey(0x0009, 0x1001)));
        // The meta row (0002,0003) U: the meta header names the new instance.
        const QString newSop = str(r, DCM_SOPInstanceUID);
        QCOMPARE(newSop, deid.remapUid(metaSop));
        QCOMPARE(str(result->getMetaInfo(), DCM_MediaStorageSOPInstanceUID), newSop);
    }

    // R-6.6.5b: an option's K keeps the value, its C cleans it; rows it does not name follow the
    // Basic Profile.
    void optionsKeepOrCleanTheirColumns()
    {
        SyntheticDicomSpec spec;
        const QString in = synthetic(QStringLiteral("options/in.dcm"), spec);
        const auto profile = dicomDeidProfile(QStringLiteral("research-imaging"));
        QVERIFY(profile);
        const DicomDeidentifier deid(profile->options, testKey());
        auto out = deid.deidentifyBytes(readAll(in));
        QVERIFY(out.ok());
        auto r = parse(out.value());
        DcmDataset *d = r->getDataset();
        QCOMPARE(str(d, DCM_PatientSex), QStringLiteral("F"));               // patient characteristics K
        QCOMPARE(str(d, DCM_PatientWeight), QStringLiteral("61.5"));         // patient characteristics K
        QCOMPARE(str(d, DCM_DeviceSerialNumber), QStringLiteral("SN-4455")); // device identity K
        QCOMPARE(str(d, DCM_StationName), QStringLiteral("CT-ROOM-3"));      // device identity K
        // No institution option: X/Z/D gives a dummy (an IOD may require it), never the name.
        QVERIFY(str(d, DCM_InstitutionName) != u"Synthetic General Hospital");
        QVERIFY(!has(d, DCM_PatientAddress));
        // Clean Descriptors: the description stays, the name and phone number in it do not.
        const QString description = str(d, DCM_StudyDescription);
        QVERIFY2(description.startsWith(QStringLiteral("CT chest")), qPrintable(description));
        QVERIFY2(!description.contains(QStringLiteral("Zhang")) &&
                     !description.contains(QStringLiteral("13812345678")),
                 qPrintable(description));
        const QString comments = str(d, DCM_ImageComments);
        QVERIFY2(!comments.contains(QStringLiteral("110101199003074258")) &&
                     !comments.contains(QStringLiteral("Zhang")),
                 qPrintable(comments));
        // Retain Safe Private: the Siemens B value stays, the unknown private block does not.
        QVERIFY(has(d, DcmTagKey(0x0019, 0x100C)));
        QVERIFY(has(d, DcmTagKey(0x0019, 0x0010)));
        QVERIFY(!has(d, DcmTagKey(0x0019, 0x1010)));
        QVERIFY(!has(d, DcmTagKey(0x0009, 0x1001)) && !has(d, DcmTagKey(0x0009, 0x0010)));

        // Basic Profile alone: none of those survive.
        const DicomDeidentifier basic(DicomDeidOptions{}, testKey());
        auto plain = parse(basic.deidentifyBytes(readAll(in)).value());
        DcmDataset *p = plain->getDataset();
        QVERIFY(!has(p, DCM_DeviceSerialNumber) || str(p, DCM_DeviceSerialNumber) != u"SN-4455");
        QVERIFY(!has(p, DCM_StudyDescription));
        QVERIFY(!has(p, DcmTagKey(0x0019, 0x100C)));
    }

    // R-6.6.5a: the UIDs of one study map consistently across its files, references included; the
    // same key maps the same way in another run, another key does not.
    void uidsStayConsistentWithinAStudy()
    {
        SyntheticDicomSpec a;
        SyntheticDicomSpec b = a;
        b.sopUid = a.sopUid + QStringLiteral(".2");
        SyntheticDicomSpec c = a;
        c.seriesUid = a.seriesUid + QStringLiteral(".7");
        c.sopUid = c.seriesUid + QStringLiteral(".1");
        c.referencedSopUid = a.sopUid;
        const QString dir = path(QStringLiteral("study-in"));
        QVERIFY(!synthetic(QStringLiteral("study-in/a.dcm"), a).isEmpty());
        QVERIFY(!synthetic(QStringLiteral("study-in/b.dcm"), b).isEmpty());
        QVERIFY(!synthetic(QStringLiteral("study-in/sub/c.dcm"), c).isEmpty());
        const DicomDeidentifier deid(DicomDeidOptions{}, testKey());
        const DicomRunReport report = deid.deidentifyFolder(dir, path(QStringLiteral("study-out")));
        QCOMPARE(report.written(), 3);
        auto fa = load(path(QStringLiteral("study-out/a.dcm")));
        auto fb = load(path(QStringLiteral("study-out/b.dcm")));
        auto fc = load(path(QStringLiteral("study-out/sub/c.dcm")));
        QVERIFY(fa && fb && fc);
        DcmDataset *da = fa->getDataset(), *db = fb->getDataset(), *dc = fc->getDataset();
        const QString study = str(da, DCM_StudyInstanceUID);
        QVERIFY(study.startsWith(QStringLiteral("2.25.")) && study != a.studyUid);
        QCOMPARE(str(db, DCM_StudyInstanceUID), study);
        QCOMPARE(str(dc, DCM_StudyInstanceUID), study);
        QCOMPARE(str(db, DCM_SeriesInstanceUID), str(da, DCM_SeriesInstanceUID));
        QVERIFY(str(dc, DCM_SeriesInstanceUID) != str(da, DCM_SeriesInstanceUID));
        QCOMPARE(str(dc, DCM_FrameOfReferenceUID), str(da, DCM_FrameOfReferenceUID));
        QVERIFY(str(da, DCM_SOPInstanceUID) != str(db, DCM_SOPInstanceUID));
        QCOMPARE(str(fa->getMetaInfo(), DCM_MediaStorageSOPInstanceUID), str(da, DCM_SOPInstanceUID));
        // The reference inside (0008,1140) points at a's new instance UID.
        DcmItem *ref = nullptr;
        QVERIFY(dc->findAndGetSequenceItem(DCM_ReferencedImageSequence, ref, 0).good());
        QCOMPARE(str(ref, DCM_ReferencedSOPInstanceUID), str(da, DCM_SOPInstanceUID));
        QCOMPARE(str(ref, DCM_ReferencedSOPClassUID), a.sopClassUid); // a class, not an instance: kept
        // Patient ID and name become one pseudonym per patient.
        QCOMPARE(str(da, DCM_PatientID), deid.patientPseudonym(a.patientId));
        QCOMPARE(str(dc, DCM_PatientName), deid.patientPseudonym(a.patientId));
        // UIDs are valid: at most 64 characters, digits and dots, no leading zero in a component.
        QVERIFY(study.size() <= 64);
        QVERIFY(QRegularExpression(QStringLiteral("^2\\.25\\.[1-9][0-9]*$")).match(study).hasMatch());
        // Another run with the same key agrees; another key does not.
        const DicomDeidentifier again(DicomDeidOptions{}, testKey());
        QCOMPARE(again.remapUid(a.studyUid), study);
        const DicomDeidentifier other(DicomDeidOptions{}, testKey('o'));
        QVERIFY(other.remapUid(a.studyUid) != study);
    }

    // R-6.6.5c: under Retain Longitudinal Temporal Information with Modified Dates every date of one
    // patient moves by the same offset (intervals kept), derived from the key and the patient ID.
    void datesShiftConsistentlyPerPatient()
    {
        SyntheticDicomSpec first;
        SyntheticDicomSpec later = first;
        later.sopUid = first.sopUid + QStringLiteral(".5");
        later.studyDate = QStringLiteral("20240312");
        later.acquisitionDateTime = QStringLiteral("20240312081500.25");
        SyntheticDicomSpec otherPatient = first;
        otherPatient.patientId = QStringLiteral("PID-0002");
        DicomDeidOptions options;
        options.retainModifiedDates = true;
        const DicomDeidentifier deid(options, testKey());
        const int offset = deid.dateOffsetDays(first.patientId);
        QVERIFY(offset <= -365 && offset >= -3650);
        const auto shifted = [&](const SyntheticDicomSpec &spec, const QString &name) {
            const QString in = synthetic(QStringLiteral("dates/") + name, spec);
            return parse(deid.deidentifyBytes(readAll(in)).value());
        };
        auto f1 = shifted(first, QStringLiteral("1.dcm"));
        auto f2 = shifted(later, QStringLiteral("2.dcm"));
        QVERIFY(f1 && f2);
        const auto date = [](const QString &s) { return QDate::fromString(s, QStringLiteral("yyyyMMdd")); };
        const QDate d1 = date(str(f1->getDataset(), DCM_StudyDate));
        const QDate d2 = date(str(f2->getDataset(), DCM_StudyDate));
        QCOMPARE(d1, date(first.studyDate).addDays(offset));
        QCOMPARE(d2, date(later.studyDate).addDays(offset));
        QCOMPARE(d1.daysTo(d2), date(first.studyDate).daysTo(date(later.studyDate)));
        // A date-time keeps its time of day and fraction.
        QCOMPARE(str(f2->getDataset(), DCM_AcquisitionDateTime),
                 date(QStringLiteral("20240312")).addDays(offset).toString(QStringLiteral("yyyyMMdd")) +
                     QStringLiteral("081500.25"));
        QCOMPARE(str(f1->getDataset(), DCM_LongitudinalTemporalInformationModified),
                 QStringLiteral("MODIFIED"));
        // Another patient gets its own offset (the two differ for this key).
        QVERIFY(deid.dateOffsetDays(otherPatient.patientId) != offset);
        // Without the option, dates do not survive.
        const DicomDeidentifier basic(DicomDeidOptions{}, testKey());
        auto plain = parse(basic.deidentifyBytes(readAll(path(QStringLiteral("dates/1.dcm")))).value());
        const QString studyDate = str(plain->getDataset(), DCM_StudyDate);
        QVERIFY2(studyDate.isEmpty() || studyDate != first.studyDate, qPrintable(studyDate));
        QCOMPARE(str(plain->getDataset(), DCM_LongitudinalTemporalInformationModified),
                 QStringLiteral("REMOVED"));
    }

    // R-6.6.5a: the mandatory markers, with a CID 7050 code for the profile and each option applied.
    void markersNameTheProfileAndOptions()
    {
        const QString in = synthetic(QStringLiteral("markers/in.dcm"));
        const auto codesOf = [](DcmDataset *d) {
            QStringList codes;
            DcmSequenceOfItems *s = nullptr;
            if (d->findAndGetSequence(DCM_DeidentificationMethodCodeSequence, s).good() && s) {
                for (unsigned long i = 0; i < s->card(); ++i) {
                    if (str(s->getItem(i), DCM_CodingSchemeDesignator) != u"DCM" ||
                        str(s->getItem(i), DCM_CodeMeaning).isEmpty())
                        codes << QStringLiteral("malformed item");
                    codes << str(s->getItem(i), DCM_CodeValue);
                }
            }
            codes.sort();
            return codes;
        };
        const DicomDeidentifier basic(DicomDeidOptions{}, testKey());
        auto b = parse(basic.deidentifyBytes(readAll(in)).value());
        QCOMPARE(str(b->getDataset(), DCM_PatientIdentityRemoved), QStringLiteral("YES"));
        QVERIFY(!str(b->getDataset(), DCM_DeidentificationMethod).isEmpty());
        QCOMPARE(codesOf(b->getDataset()), QStringList{QStringLiteral("113100")});

        const DicomDeidentifier research(dicomDeidProfile(QStringLiteral("research-imaging"))->options,
                                         testKey());
        auto r = parse(research.deidentifyBytes(readAll(in)).value());
        QCOMPARE(codesOf(r->getDataset()),
                 (QStringList{QStringLiteral("113100"), QStringLiteral("113105"), QStringLiteral("113107"),
                              QStringLiteral("113108"), QStringLiteral("113109"), QStringLiteral("113111")}));
        QCOMPARE(str(r->getDataset(), DCM_PatientIdentityRemoved), QStringLiteral("YES"));
    }

    // R-6.6.5a: an image that may carry burned-in text is cleaned by a rule or not written at all.
    void burnedInTextIsCleanedByRuleOrQuarantined()
    {
        const DicomDeidentifier deid(DicomDeidOptions{}, testKey());
        SyntheticDicomSpec us;
        us.modality = QStringLiteral("US");
        us.sopClassUid = QStringLiteral("1.2.840.10008.5.1.4.1.1.6.1");
        SyntheticDicomSpec yes;
        yes.burnedInAnnotation = QStringLiteral("YES");
        SyntheticDicomSpec sc;
        sc.modality = QStringLiteral("OT");
        sc.sopClassUid = QStringLiteral("1.2.840.10008.5.1.4.1.1.7");
        SyntheticDicomSpec es;
        es.modality = QStringLiteral("ES");
        es.sopClassUid = QStringLiteral("1.2.840.10008.5.1.4.1.1.77.1.1");
        for (const auto &[name, spec] :
             {std::pair{QStringLiteral("us"), us}, std::pair{QStringLiteral("yes"), yes},
              std::pair{QStringLiteral("sc"), sc}, std::pair{QStringLiteral("es"), es}}) {
            const QString in = synthetic(QStringLiteral("burned/") + name + QStringLiteral(".dcm"), spec);
            const QString out = path(QStringLiteral("burned-out/") + name + QStringLiteral(".dcm"));
            const DicomFileResult result = deid.deidentifyFile(in, out);
            QVERIFY2(result.outcome == DicomDeidOutcome::Quarantined, qPrintable(name + result.reason));
            QVERIFY2(result.reason.contains(QStringLiteral("quarantined")), qPrintable(result.reason));
            QVERIFY(!QFileInfo::exists(out));
        }
        // An annotation-free CT goes through.
        const QString ct = synthetic(QStringLiteral("burned/ct.dcm"));
        QCOMPARE(deid.deidentifyFile(ct, path(QStringLiteral("burned-out/ct.dcm"))).outcome,
                 DicomDeidOutcome::Written);

        // A rule for the ultrasound device blanks its text band and lets the image go.
        DicomDeidOptions withRule;
        auto rules = parseBurnedInTextRules(
            R"([{"manufacturer": "acme medical", "model": "Scanner 9000", "rows": 64, "columns": 64,
                 "areas": [[0, 0, 64, 8]]}])");
        QVERIFY(rules.ok());
        withRule.burnedInTextRules = rules.value();
        const DicomDeidentifier cleaner(withRule, testKey());
        const QString usIn = path(QStringLiteral("burned/us.dcm"));
        const QString usOut = path(QStringLiteral("burned-out/us-cleaned.dcm"));
        const DicomFileResult cleaned = cleaner.deidentifyFile(usIn, usOut);
        QCOMPARE(cleaned.outcome, DicomDeidOutcome::Written);
        auto f = load(usOut);
        QVERIFY(f);
        QCOMPARE(str(f->getDataset(), DCM_BurnedInAnnotation), QStringLiteral("NO"));
        const Uint16 *pixels = nullptr;
        unsigned long count = 0;
        QVERIFY(f->getDataset()->findAndGetUint16Array(DCM_PixelData, pixels, &count).good());
        QCOMPARE(count, 64ul * 64ul);
        for (unsigned long i = 0; i < 64ul * 8ul; ++i)
            QCOMPARE(pixels[i], Uint16(0));
        QVERIFY(pixels[64 * 8] != 0); // below the band: untouched
        QStringList codes;
        DcmSequenceOfItems *s = nullptr;
        QVERIFY(f->getDataset()->findAndGetSequence(DCM_DeidentificationMethodCodeSequence, s).good());
        for (unsigned long i = 0; i < s->card(); ++i)
            codes << str(s->getItem(i), DCM_CodeValue);
        QVERIFY(codes.contains(QStringLiteral("113101")));
        // Bad rule files are refused, naming the entry.
        QVERIFY(!parseBurnedInTextRules("[{\"manufacturer\": \"x\", \"rows\": 1, \"columns\": 1}]").ok());
        QVERIFY(!parseBurnedInTextRules("not json").ok());
    }

    // The pixel data leaves with the values it came with, in the transfer syntax it came in, and a
    // rule blanks the same pixels whether the pixel data ends the file (copied without being parsed)
    // or something follows it (parsed with the rest).
    void pixelDataKeepsItsValuesInEveryTransferSyntax()
    {
        auto rules = parseBurnedInTextRules(
            R"([{"manufacturer": "acme medical", "rows": 64, "columns": 64, "areas": [[0, 0, 64, 8]]}])");
        QVERIFY(rules.ok());
        DicomDeidOptions withRule;
        withRule.burnedInTextRules = rules.value();
        const DicomDeidentifier deid(withRule, testKey());
        SyntheticDicomSpec us;
        us.modality = QStringLiteral("US");
        us.sopClassUid = QStringLiteral("1.2.840.10008.5.1.4.1.1.6.1");
        for (const bool blanked : {false, true}) {
            const QString source =
                synthetic(blanked ? QStringLiteral("xfer/us.dcm") : QStringLiteral("xfer/ct.dcm"),
                          blanked ? us : SyntheticDicomSpec{});
            auto original = load(source);
            QVERIFY(original);
            const Uint16 *expected = nullptr;
            unsigned long count = 0;
            QVERIFY(original->getDataset()->findAndGetUint16Array(DCM_PixelData, expected, &count).good());
            const std::vector<Uint16> values(expected, expected + count);
            for (const E_TransferSyntax xfer :
                 {EXS_LittleEndianExplicit, EXS_LittleEndianImplicit, EXS_BigEndianExplicit}) {
                for (const bool trailing : {false, true}) {
                    const QString name =
                        QStringLiteral("xfer/%1-%2-%3.dcm")
                            .arg(blanked ? QStringLiteral("us") : QStringLiteral("ct"))
                            .arg(int(xfer))
                            .arg(trailing ? QStringLiteral("padded") : QStringLiteral("plain"));
                    auto copy = load(source);
                    QVERIFY(copy);
                    if (trailing) {
                        const Uint8 padding[4] = {0, 0, 0, 0};
                        QVERIFY(copy->getDataset()
                                    ->putAndInsertUint8Array(DCM_DataSetTrailingPadding, padding, 4)
                                    .good());
                    }
                    // (EPD_noChange: the default would drop the padding.)
                    QVERIFY(copy->saveFile(path(name).toLocal8Bit().constData(), xfer, EET_ExplicitLength,
                                           EGL_recalcGL, EPD_noChange)
                                .good());
                    const QByteArray input = readAll(path(name));
                    // The padding follows the pixel data (DCMTK leaves it out of what it writes).
                    QCOMPARE(input.right(16).contains("\xfc\xff\xfc\xff") ||
                                 input.right(16).contains("\xff\xfc\xff\xfc"),
                             trailing);
                    auto output = deid.deidentifyBytes(input);
                    QVERIFY2(output.ok(), qPrintable(name));
                    auto result = parse(output.value());
                    QVERIFY2(result, qPrintable(name));
                    DcmDataset *d = result->getDataset();
                    QCOMPARE(d->getOriginalXfer(), xfer);
                    QCOMPARE(str(d, DCM_PatientName), deid.patientPseudonym(QStringLiteral("PID-0001")));
                    const Uint16 *pixels = nullptr;
                    unsigned long n = 0;
                    QVERIFY(d->findAndGetUint16Array(DCM_PixelData, pixels, &n).good());
                    QCOMPARE(n, count);
                    for (unsigned long i = 0; i < n; ++i) {
                        const bool inBand = blanked && i < 64ul * 8ul;
                        if (pixels[i] != (inBand ? Uint16(0) : values[i]))
                            QFAIL(qPrintable(
                                QStringLiteral("%1: pixel %2 is %3").arg(name).arg(i).arg(pixels[i])));
                    }
                    QCOMPARE(str(d, DCM_BurnedInAnnotation), blanked ? QStringLiteral("NO") : QString());
                }
            }
        }
    }

    void badInputIsRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        const QByteArray good = readAll(synthetic(QStringLiteral("bad/good.dcm")));
        QVERIFY(good.size() > 1000);
        QTest::newRow("not-dicom") << QByteArray("This is a text file, not an image.\n").repeated(10)
                                   << QStringLiteral("not a DICOM file");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not a DICOM file");
        QTest::newRow("truncated") << good.left(good.size() / 2) << QStringLiteral("only");
        QTest::newRow("truncated-header")
            << good.left(good.size() - 8192 - 12 + 3) << QStringLiteral("truncated inside an element header");

        // Huge length: the study description claims 65535 bytes.
        QByteArray huge = good;
        const QByteArray marker("CT chest for Zhang San");
        const qsizetype at = huge.indexOf(marker);
        QVERIFY(at > 8);
        huge[at - 2] = char(0xFF);
        huge[at - 1] = char(0xFF);
        QTest::newRow("huge-length") << huge << QStringLiteral("claims 65535 bytes");

        // Wrong VR: Patient's Name written as US.
        {
            DcmFileFormat file;
            file.getDataset()->putAndInsertString(DCM_SOPClassUID, "1.2.840.10008.5.1.4.1.1.2");
            file.getDataset()->putAndInsertString(DCM_SOPInstanceUID, "1.2.3.4");
            auto *wrong = new DcmUnsignedShort(DcmTag(DCM_PatientName, EVR_US));
            wrong->putUint16(7);
            QVERIFY(file.getDataset()->insert(wrong, true).good());
            QTest::newRow("wrong-vr") << save(file, path(QStringLiteral("bad/wrong-vr.dcm")))
                                      << QStringLiteral("has VR US where the DICOM dictionary says PN");
        }
        // Invalid VR characters.
        QByteArray invalidVr = good;
        invalidVr[at - 4] = '1';
        invalidVr[at - 3] = 'z';
        QTest::newRow("invalid-vr") << invalidVr << QStringLiteral("invalid VR");

        // Nested 20 levels (over the limit of 16), built with DCMTK.
        {
            DcmFileFormat file;
            file.getDataset()->putAndInsertString(DCM_SOPClassUID, "1.2.840.10008.5.1.4.1.1.2");
            DcmItem *item = file.getDataset();
            for (int level = 0; level < 20; ++level) {
                DcmItem *next = nullptr;
                QVERIFY(item->findOrCreateSequenceItem(DCM_ContentSequence, next, -2).good());
                item = next;
            }
            item->putAndInsertString(DCM_PatientName, "Deep^Down");
            QTest::newRow("deep-nesting") << save(file, path(QStringLiteral("bad/deep.dcm")))
                                          << QStringLiteral("nested deeper than 16");
        }
        // 100 000 levels of undefined-length sequences appended by hand: would exhaust a recursive
        // parser's stack; refused by the walk before DCMTK sees it.
        {
            QByteArray bomb = good;
            const QByteArray level = QByteArray::fromHex("400030a7"
                                                         "5351"
                                                         "0000"
                                                         "ffffffff"
                                                         "feff00e0"
                                                         "ffffffff");
            bomb += level.repeated(100000);
            QTest::newRow("sequence-bomb") << bomb << QStringLiteral("nested deeper than 16");
        }
    }

    // Malformed input is refused with a message and leaves nothing in the output folder.
    void badInputIsRefused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        const QString in = path(QStringLiteral("bad-in/") + tag + QStringLiteral(".dcm"));
        QDir().mkpath(QFileInfo(in).absolutePath());
        QFile f(in);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        const QString outDir = path(QStringLiteral("bad-out/") + tag);
        const DicomDeidentifier deid(DicomDeidOptions{}, testKey());
        const DicomFileResult result = deid.deidentifyFile(in, outDir + QStringLiteral("/out.dcm"));
        QCOMPARE(result.outcome, DicomDeidOutcome::Refused);
        QVERIFY2(result.reason.contains(expected), qPrintable(result.reason));
        QCOMPARE(filesUnder(outDir), QStringList());
    }

    // A folder run goes on past refused and quarantined files and says which and why; the output
    // mirrors the input's structure and holds nothing else.
    void folderRunReportsWhatItSkipped()
    {
        const QString in = path(QStringLiteral("folder-in"));
        QVERIFY(!synthetic(QStringLiteral("folder-in/a/1.dcm")).isEmpty());
        SyntheticDicomSpec second;
        second.sopUid += QStringLiteral(".2");
        QVERIFY(!synthetic(QStringLiteral("folder-in/b/c/2.dcm"), second).isEmpty());
        SyntheticDicomSpec us;
        us.modality = QStringLiteral("US");
        QVERIFY(!synthetic(QStringLiteral("folder-in/a/us.dcm"), us).isEmpty());
        QFile notes(in + QStringLiteral("/notes.txt"));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("not an image");
        notes.close();
        const QByteArray good = readAll(in + QStringLiteral("/a/1.dcm"));
        QFile cut(in + QStringLiteral("/b/cut.dcm"));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(good.left(good.size() - 100));
        cut.close();

        const DicomDeidentifier deid(DicomDeidOptions{}, testKey());
        QStringList heard;
        const QString out = path(QStringLiteral("folder-out"));
        const DicomRunReport report =
            deid.deidentifyFolder(in, out, [&heard](const DicomFileResult &r) { heard << r.input; });
        QCOMPARE(report.files.size(), 5);
        QCOMPARE(heard.size(), 5);
        QCOMPARE(report.written(), 2);
        QCOMPARE(report.quarantined(), 1);
        QCOMPARE(report.refused(), 2);
        for (const DicomFileResult &r : report.files) {
            if (r.outcome != DicomDeidOutcome::Written)
                QVERIFY2(!r.reason.isEmpty(), qPrintable(r.input));
        }
        QCOMPARE(filesUnder(out), (QStringList{QStringLiteral("a/1.dcm"), QStringLiteral("b/c/2.dcm")}));
    }
};

QTEST_GUILESS_MAIN(tst_DicomDeidentifier)
#include "tst_DicomDeidentifier.moc"
