#include "mdp/deid/TextDeidentifier.h"
#include "mdp/registry/ResidentId.h"

#include <QDate>
#include <QRegularExpression>
#include <QtTest>

using namespace mdp::deid;

namespace {

QList<IdentifierKind> kindsOf(const QList<Finding> &found)
{
    QList<IdentifierKind> kinds;
    for (const Finding &f : found)
        kinds << f.kind;
    return kinds;
}

QStringList valuesOf(QStringView text, const QList<Finding> &found, IdentifierKind kind)
{
    QStringList out;
    for (const Finding &f : found)
        if (f.kind == kind)
            out << text.sliced(f.start, f.length).toString();
    return out;
}

TextDeidOptions surrogateOptions(const QString &scope = QStringLiteral("patient-1"))
{
    TextDeidOptions o;
    o.replacement = Replacement::Surrogate;
    o.key = QByteArrayLiteral("a test key of the site");
    o.scope = scope;
    return o;
}

} // namespace

// R-6.6.5a-d: de-identification of Chinese clinical free text, replaced by typed placeholders or
// consistent surrogates, before any use of the data.
class tst_TextDeidentifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyKindIsReplacedByItsTypedPlaceholder()
    {
        const QString text =
            QStringLiteral("浙江省肿瘤医院乳腺外科 住院号：ZY2024001234 床号：12\n"
                           "姓名：王秀英  性别：女  年龄：93岁\n"
                           "患者于2024年3月5日因左乳肿块就诊，家属张伟（丈夫）电话0571-87654321转123。\n"
                           "家庭住址：杭州市西湖区文三路138号3幢2单元501室\n"
                           "报告医师：李娜  审核者：欧阳明  2024-03-08 14:30");
        const QString out = TextDeidentifier().deidentify(text);
        QCOMPARE(out, QStringLiteral("[医院][科室] 住院号：[病案号] 床号：[病案号]\n"
                                     "姓名：[姓名]  性别：女  年龄：[年龄]\n"
                                     "患者于[日期]因左乳肿块就诊，家属[姓名]（丈夫）电话[电话]。\n"
                                     "家庭住址：[地址]\n"
                                     "报告医师：[姓名]  审核者：[姓名]  [日期]"));
    }

    void namesAreFoundFromCuesBeforeAndAfter()
    {
        const QString text =
            QStringLiteral("王医生查房后指出，张晓明主任医师同意方案。其女儿陈静陪同，"
                           "司马光先生之子司马懿签字。由刘洋护士长宣教。王芳，女，45岁，因乳腺癌入院。");
        const QList<Finding> found = TextDeidentifier().findIdentifiers(text);
        QCOMPARE(valuesOf(text, found, IdentifierKind::PersonName),
                 (QStringList{QStringLiteral("王"), QStringLiteral("张晓明"), QStringLiteral("陈静"),
                              QStringLiteral("司马光"), QStringLiteral("司马懿"), QStringLiteral("刘洋"),
                              QStringLiteral("王芳")}));
    }

    void aNameFoundOnceIsFoundEverywhere()
    {
        const QString text = QStringLiteral("患者李秀兰，女。李秀兰自述乏力。复查时李秀兰诉好转。");
        const QList<Finding> found = TextDeidentifier().findIdentifiers(text);
        QCOMPARE(valuesOf(text, found, IdentifierKind::PersonName).size(), 3);
    }

    // Words that start with a surname character are no names (R-6.6.5c: the data stays usable).
    void medicalTermsStartingWithSurnamesAreNotNames()
    {
        const QStringList sentences = {
            QStringLiteral("患者高血压病史10年，规律服药。"),
            QStringLiteral("患者白细胞减少，予升白治疗。"),
            QStringLiteral("患者于2023年在外院就诊。"),
            QStringLiteral("患者周身乏力，按AC-T方案化疗，每周一次。"),
            QStringLiteral("患者常规检查无殊，无黄疸，关节无红肿，石膏固定。"),
            QStringLiteral("痰培养示金黄色葡萄球菌，王氏手法复位。"),
            QStringLiteral("患者全身骨扫描未见异常，平素体健。"),
            QStringLiteral("患者江浙地区人，明显消瘦。"),
            QStringLiteral("家属对病情表示理解，医生建议继续治疗。"),
            QStringLiteral("主任医师查房，住院医师记录，经治医生同意。"),
            QStringLiteral("患者双侧腋窝淋巴结肿大，单发病灶，时有咳嗽。"),
            QStringLiteral("向患者交代病情，关于放疗副作用已告知。"),
        };
        const TextDeidentifier deid;
        for (const QString &s : sentences) {
            const QList<Finding> found = deid.findIdentifiers(s);
            QVERIFY2(!kindsOf(found).contains(IdentifierKind::PersonName), qPrintable(deid.deidentify(s)));
        }
    }

    void genericPlacesAndClinicalNumbersStay()
    {
        const QStringList sentences = {
            QStringLiteral("曾于当地医院就诊，建议转上级医院，现于我院门诊随访。"),
            QStringLiteral("行中心静脉置管，注意预防医院感染。"),
            QStringLiteral("Ki-67 30%，ER(+，90%)，HER2(1+)，PD-L1 CPS=15，CA15-3 23.5U/ml。"),
            QStringLiteral("DT 50Gy/25F，第3周期，术后3个月，1月余，约2.3cm×1.8cm，药品批号C230415。"),
            QStringLiteral("患者52岁，cT2N1M0 Ⅲ期，ICD-10 C50.4，8床旁。"),
        };
        const TextDeidentifier deid;
        for (const QString &s : sentences)
            QCOMPARE(deid.deidentify(s), s);
    }

    void dateForms()
    {
        const QString text =
            QStringLiteral("2024年3月5日、2024-03-05、2024/3/5、2024.03.05、3月5日、二〇二四年三月五日、"
                           "２０２４年３月５日、20240305、2024年3月、2024-03-05 08:30、2024.3.5-4.20");
        const QList<Finding> found = TextDeidentifier().findIdentifiers(text);
        QCOMPARE(valuesOf(text, found, IdentifierKind::Date),
                 (QStringList{QStringLiteral("2024年3月5日"), QStringLiteral("2024-03-05"),
                              QStringLiteral("2024/3/5"), QStringLiteral("2024.03.05"),
                              QStringLiteral("3月5日"), QStringLiteral("二〇二四年三月五日"),
                              QStringLiteral("２０２４年３月５日"), QStringLiteral("20240305"),
                              QStringLiteral("2024年3月"), QStringLiteral("2024-03-05 08:30"),
                              QStringLiteral("2024.3.5"), QStringLiteral("4.20")}));
        // Not dates: an impossible day, a bare year, a duration.
        QVERIFY(TextDeidentifier().findIdentifiers(u"2024年2月30日，2019年确诊，3个月后").isEmpty());
    }

    void phoneAndRecordNumberForms()
    {
        const QString text =
            QStringLiteral("电话：(021)64175590，0571-87236666-8012，400-820-1234，"
                           "座机 87654321，手机138 1234 5678；门诊号：MZ20240012，病理号：BL24-01234，"
                           "检查号 CT202400123，ID号：P000123456，医保卡号：A12345678，15床");
        const QList<Finding> found = TextDeidentifier().findIdentifiers(text);
        QCOMPARE(valuesOf(text, found, IdentifierKind::Landline),
                 (QStringList{QStringLiteral("(021)64175590"), QStringLiteral("0571-87236666-8012"),
                              QStringLiteral("400-820-1234"), QStringLiteral("87654321")}));
        QCOMPARE(valuesOf(text, found, IdentifierKind::MobilePhone),
                 QStringList{QStringLiteral("138 1234 5678")});
        QCOMPARE(
            valuesOf(text, found, IdentifierKind::RecordNumber),
            (QStringList{QStringLiteral("MZ20240012"), QStringLiteral("BL24-01234"),
                         QStringLiteral("CT202400123"), QStringLiteral("P000123456"), QStringLiteral("15")}));
        QCOMPARE(valuesOf(text, found, IdentifierKind::OtherId), QStringList{QStringLiteral("A12345678")});
    }

    void addressesInstitutionsAndDepartments()
    {
        const QString text = QStringLiteral(
            "患者家住浙江省温州市瑞安市塘下镇罗凤村3组，2023年就诊于浙江大学医学院附属第一医院"
            "乳腺外科，后转至温州医科大学附属第二医院放疗科二病区，现住阳光花园3号楼2单元501室。");
        const QList<Finding> found = TextDeidentifier().findIdentifiers(text);
        QCOMPARE(valuesOf(text, found, IdentifierKind::Address),
                 (QStringList{QStringLiteral("浙江省温州市瑞安市塘下镇罗凤村3组"),
                              QStringLiteral("阳光花园3号楼2单元501室")}));
        QCOMPARE(valuesOf(text, found, IdentifierKind::Institution),
                 (QStringList{QStringLiteral("浙江大学医学院附属第一医院"),
                              QStringLiteral("温州医科大学附属第二医院")}));
        QCOMPARE(valuesOf(text, found, IdentifierKind::Department),
                 (QStringList{QStringLiteral("乳腺外科"), QStringLiteral("放疗科二病区")}));
    }

    void onlyTheChosenKindsAreReplaced()
    {
        TextDeidOptions options;
        options.kinds = {IdentifierKind::Date, IdentifierKind::MobilePhone};
        const QString text = QStringLiteral("患者王芳于2024-03-05入院，电话13812345678。");
        QCOMPARE(TextDeidentifier(options).deidentify(text),
                 QStringLiteral("患者王芳于[日期]入院，电话[手机号]。"));
        QCOMPARE(deidentify(text, options), QStringLiteral("患者王芳于[日期]入院，电话[手机号]。"));
    }

    // Consistent surrogates: the same original gives the same surrogate within a scope (one patient),
    // derived with a keyed hash, so a researcher can still follow "the same person" through a note.
    void surrogatesAreConsistentWithinAScope()
    {
        const QString text =
            QStringLiteral("患者王秀英，由其女儿李娜陪同。王秀英诉乏力，李娜代诉夜间咳嗽。电话13812345678，"
                           "复诊电话138-1234-5678。");
        const TextDeidentifier deid(surrogateOptions());
        const QString out = deid.deidentify(text);
        const QString again = TextDeidentifier(surrogateOptions()).deidentify(text);
        QCOMPARE(out, again); // same key and scope: same surrogates in another run
        const QList<Finding> found = deid.findIdentifiers(out);
        const QStringList names = valuesOf(out, found, IdentifierKind::PersonName);
        QVERIFY2(!out.contains(QStringLiteral("王秀英")) && !out.contains(QStringLiteral("李娜")),
                 qPrintable(out));
        const QString wang = deid.replacement(IdentifierKind::PersonName, u"王秀英");
        const QString li = deid.replacement(IdentifierKind::PersonName, u"李娜");
        QCOMPARE(out.count(wang), 2);
        QCOMPARE(out.count(li), 2);
        QCOMPARE(wang.size(), 3); // a name of the same length
        QCOMPARE(li.size(), 2);
        // The same number in two spellings is the same surrogate number.
        const QString mobile = deid.replacement(IdentifierKind::MobilePhone, u"13812345678");
        QCOMPARE(mobile.size(), 11);
        QVERIFY(mobile.startsWith(u'1'));
        QVERIFY(out.contains(mobile));
        QCOMPARE(deid.replacement(IdentifierKind::MobilePhone, u"138-1234-5678").remove(u'-'), mobile);
        // Another patient: other surrogates.
        const TextDeidentifier other(surrogateOptions(QStringLiteral("patient-2")));
        QVERIFY(other.deidentify(text) != out);
        Q_UNUSED(names);
    }

    void surrogateDatesMoveByTheScopeOffsetKeepingIntervalsAndForm()
    {
        TextDeidOptions options = surrogateOptions();
        options.dateShiftDays = 40;
        const TextDeidentifier deid(options);
        QCOMPARE(deid.deidentify(u"2024-03-05入院，2024年3月15日手术，3月25日出院，二〇二四年三月五日签字。"),
                 QStringLiteral("2024-04-14入院，2024年4月24日手术，5月4日出院，二〇二四年四月十四日签字。"));
        // Without a fixed offset, the offset comes from the key and the scope: the same for every date.
        const TextDeidentifier derived(surrogateOptions());
        QVERIFY(derived.dateShiftDays() != 0 && std::abs(derived.dateShiftDays()) <= 365);
        const QString out = derived.deidentify(u"2024-03-05至2024-03-15");
        const QDate a = QDate::fromString(out.left(10), Qt::ISODate);
        const QDate b = QDate::fromString(out.right(10), Qt::ISODate);
        QCOMPARE(a.daysTo(b), 10);
        QCOMPARE(QDate(2024, 3, 5).daysTo(a), derived.dateShiftDays());
    }

    void surrogateNumbersKeepTheirChecks()
    {
        const TextDeidentifier deid(surrogateOptions());
        const QString id = deid.replacement(IdentifierKind::ResidentId, u"11010519491231002X");
        QVERIFY2(mdp::registry::ResidentId::parse(id, mdp::SystemClock::instance()).ok(), qPrintable(id));
        const QString card = deid.replacement(IdentifierKind::BankCard, u"6222 0212 3456 7890 128");
        QCOMPARE(card.size(), 23);
        QVERIFY(passesLuhn(QString(card).remove(u' ')));
        QVERIFY(card != QStringLiteral("6222 0212 3456 7890 128"));
        const QString name = deid.replacement(IdentifierKind::PersonName, u"欧阳娜娜");
        QCOMPARE(name.size(), 4);
        QVERIFY(name != QStringLiteral("欧阳娜娜"));
        QVERIFY(deid.replacement(IdentifierKind::Landline, u"0571-87654321").startsWith(u'0'));
        QCOMPARE(deid.replacement(IdentifierKind::Age, u"95岁"), QStringLiteral("90岁以上"));
    }

    // Bad input: empty, unpaired surrogates, control characters, huge and pathological texts.
    void malformedInputIsHandled()
    {
        const TextDeidentifier deid;
        QVERIFY(deid.findIdentifiers(u"").isEmpty());
        QCOMPARE(deid.deidentify(u""), QString());

        QString broken = QStringLiteral("患者王芳");
        broken.append(QChar(0xD800)); // an unpaired high surrogate
        broken.append(QStringLiteral("，电话13812345678"));
        broken.append(QChar(0xDC00));                  // an unpaired low surrogate
        broken.append(QStringLiteral("𠀀姓名：李娜")); // a character outside the BMP, then a label
        broken.append(QChar(u'\0'));
        const QString out = deid.deidentify(broken);
        for (qsizetype i = 0; i < out.size(); ++i) {
            if (out[i].isHighSurrogate()) {
                QVERIFY(i + 1 < out.size() && out[i + 1].isLowSurrogate());
                ++i;
            } else {
                QVERIFY(!out[i].isLowSurrogate());
            }
        }
        QCOMPARE(QString::fromUtf8(out.toUtf8()), out);
        QVERIFY2(out.contains(QStringLiteral("[手机号]")) && out.contains(QStringLiteral("姓名：[姓名]")),
                 qPrintable(out));

        // Pathological runs: digits, one long word, repeated suffixes and cues, '@' without domain.
        QElapsedTimer timer;
        timer.start();
        for (const QString &unit : {QStringLiteral("1"), QStringLiteral("医院"), QStringLiteral("患者"),
                                    QStringLiteral("乳腺癌"), QStringLiteral("a"), QStringLiteral("科"),
                                    QStringLiteral("路1号"), QStringLiteral("2024-"), QStringLiteral("王")}) {
            const QString huge = unit.repeated(400000) + QStringLiteral("@x");
            const QList<Finding> found = deid.findIdentifiers(huge);
            for (const Finding &f : found)
                QVERIFY(f.start >= 0 && f.end() <= huge.size());
        }
        // Linear time: these 9 texts of up to 2.4 M characters take seconds, not hours.
        QVERIFY2(timer.elapsed() < 120000, qPrintable(QString::number(timer.elapsed())));

        // A huge ordinary text (16 MB of UTF-8): found in one piece.
        const QString note =
            QStringLiteral("患者王芳，女，52岁，于2024年3月5日入住杭州市第一人民医院乳腺外科，"
                           "联系电话13812345678。高血压病史10年。\n");
        const QString big = note.repeated(16 * 1000 * 1000 / note.toUtf8().size());
        const QList<Finding> found = deid.findIdentifiers(big);
        QCOMPARE(found.size(), qsizetype(5) * (big.size() / note.size()));
    }
};

QTEST_GUILESS_MAIN(tst_TextDeidentifier)
#include "tst_TextDeidentifier.moc"
