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

    // Wordings written apart from the corpus generator (other templates, table rows without colons,
    // labels the generator never uses): what the held-out data will look like more than the corpus.
    void wordingsOutsideTheGeneratorAreHandled()
    {
        const QList<std::pair<QString, QString>> cases = {
            {QStringLiteral("入院时间：2023年10月8日上午9时，病史采集者：郑丽华主治医师。"),
             QStringLiteral("入院时间：[日期]，病史采集者：[姓名]主治医师。")},
            {QStringLiteral(
                 "患者刘桂英，女性，67岁，汉族，已婚，退休工人，住江苏省南京市玄武区孝陵卫街道钟灵街50号。"),
             QStringLiteral("患者[姓名]，女性，67岁，汉族，已婚，退休工人，住[地址]。")},
            {QStringLiteral("主诉：右乳癌术后2年，发现胸壁结节1周。"),
             QStringLiteral("主诉：右乳癌术后2年，发现胸壁结节1周。")},
            {QStringLiteral("患者丈夫何建国（电话：139-5188-2046）陈述病史。"),
             QStringLiteral("患者丈夫[姓名]（电话：[手机号]）陈述病史。")},
            {QStringLiteral("2022年6月在南京鼓楼医院行右乳癌改良根治术，术后病理：浸润性导管癌。"),
             QStringLiteral("[日期]在[医院]行右乳癌改良根治术，术后病理：浸润性导管癌。")},
            {QStringLiteral("术后于江苏省人民医院放疗科行胸壁及锁骨上区放疗，DT：50Gy/25次。"),
             QStringLiteral("术后于[医院][科室]行胸壁及锁骨上区放疗，DT：50Gy/25次。")},
            {QStringLiteral("既往：高血压病史5年，口服氨氯地平；否认糖尿病。"),
             QStringLiteral("既往：高血压病史5年，口服氨氯地平；否认糖尿病。")},
            {QStringLiteral("出院小结 姓名 冯晓梅 住院号 0012345678 入院 2024-01-03 出院 2024-01-17"),
             QStringLiteral("出院小结 姓名 [姓名] 住院号 [病案号] 入院 [日期] 出院 [日期]")},
            {QStringLiteral("联系人：冯大伟（兄）  13605712233"),
             QStringLiteral("联系人：[姓名]（兄）  [手机号]")},
            {QStringLiteral("检查申请单号：US20240117003 申请医生：蒋文"),
             QStringLiteral("检查申请单号：[病案号] 申请医生：[姓名]")},
            {QStringLiteral(
                 "放射科 CT 报告 ID：CT-2024-0088123 检查时间 2024/01/05 10:22 报告：钱峰 审核：孙立新"),
             QStringLiteral("[科室] CT 报告 ID：[病案号] 检查时间 [日期] 报告：[姓名] 审核：[姓名]")},
            {QStringLiteral("病人黄美玲于2023-12-28来我科门诊就诊，门诊号 MZ0098765。"),
             QStringLiteral("病人[姓名]于[日期]来我科门诊就诊，门诊号 [病案号]。")},
            {QStringLiteral("家庭住址 广东省深圳市南山区科技园南区高新南七道18号 邮编 518057"),
             QStringLiteral("家庭住址 [地址] 邮编 [地址]")},
            {QStringLiteral("工作单位：深圳市某科技有限公司"), QStringLiteral("工作单位：[医院]")},
            {QStringLiteral("联系邮箱 huangml_1975@126.com ，QQ 2847561933"),
             QStringLiteral("联系邮箱 [电子邮箱] ，QQ [证件号]")},
            {QStringLiteral("主管医师 林志强 / 责任护士 陈小燕"),
             QStringLiteral("主管医师 [姓名] / 责任护士 [姓名]")},
            {QStringLiteral("签字：患者本人 周雪梅  日期：2024年2月29日"),
             QStringLiteral("签字：患者本人 [姓名]  日期：[日期]")},
            {QStringLiteral("经治医生：马骏；上级医生：宋建华"),
             QStringLiteral("经治医生：[姓名]；上级医生：[姓名]")},
            {QStringLiteral("患者的女儿王婷婷陪同就诊，其电话为 021-64931122。"),
             QStringLiteral("患者的女儿[姓名]陪同就诊，其电话为 [电话]。")},
            {QStringLiteral("随访：2024年4月12日电话联系患者之夫许卫东，告知复查时间。"),
             QStringLiteral("随访：[日期]电话联系患者之夫[姓名]，告知复查时间。")},
            {QStringLiteral("病理号：S2024-01562，送检医院：复旦大学附属肿瘤医院，收到标本日期：2024.03.18"),
             QStringLiteral("病理号：[病案号]，送检医院：[医院]，收到标本日期：[日期]")},
            {QStringLiteral("影像号:MR88231 检查部位：双乳 检查日期：20240320"),
             QStringLiteral("影像号:[病案号] 检查部位：双乳 检查日期：[日期]")},
            {QStringLiteral("患者现居浙江省金华市义乌市稠城街道宾王路88号3单元702室，为个体经营者。"),
             QStringLiteral("患者现居[地址]，为个体经营者。")},
            {QStringLiteral("2024年5月6日 10:30 张主任查房：患者一般情况良好，继续原方案。"),
             QStringLiteral("[日期] [姓名]主任查房：患者一般情况良好，继续原方案。")},
            {QStringLiteral("免疫治疗第4周期：信迪利单抗200mg d1，q3w；患者徐秀珍耐受良好。"),
             QStringLiteral("免疫治疗第4周期：信迪利单抗200mg d1，q3w；患者[姓名]耐受良好。")},
            {QStringLiteral("备注：家属黎明强要求转回当地医院继续治疗。"),
             QStringLiteral("备注：家属[姓名]要求转回当地医院继续治疗。")},
        };
        const TextDeidentifier deid;
        for (const auto &[in, expected] : cases)
            QCOMPARE(deid.deidentify(in), expected);
    }

    // A cue, a short parenthesised relation, then the name ("家属（丈夫）李建国"), wherever the clause
    // starts: at the start of the text, after sentence punctuation, a line break or a number.
    void aParenthesisedRelationAfterTheCueStillCuesTheName()
    {
        const QList<std::pair<QString, QString>> cases = {
            {QStringLiteral("家属（丈夫）李建国，电话。"), QStringLiteral("家属（丈夫）[姓名]，电话。")},
            {QStringLiteral("发现左乳肿物。家属（丈夫）李建国，电话。"),
             QStringLiteral("发现左乳肿物。家属（丈夫）[姓名]，电话。")},
            {QStringLiteral("术后3月。家属（丈夫）李建国，电话。"),
             QStringLiteral("术后3月。家属（丈夫）[姓名]，电话。")},
            {QStringLiteral("发现左乳肿物；家属(女儿)王丽娟陪同。"),
             QStringLiteral("发现左乳肿物；家属(女儿)[姓名]陪同。")},
            {QStringLiteral("复查，配偶（妻子）陈静陪同。"),
             QStringLiteral("复查，配偶（妻子）[姓名]陪同。")},
            {QStringLiteral("发现左乳肿物\n患者（女儿）王丽娟代诉病史。"),
             QStringLiteral("发现左乳肿物\n患者（女儿）[姓名]代诉病史。")},
            {QStringLiteral("术后3月；联系人（之子）张强，电话。"),
             QStringLiteral("术后3月；联系人（之子）[姓名]，电话。")},
            {QStringLiteral("复查。紧急联系人（丈夫）李建国 13812345678"),
             QStringLiteral("复查。紧急联系人（丈夫）[姓名] [手机号]")},
            {QStringLiteral("复查。家属（丈夫）：李建国"), QStringLiteral("复查。家属（丈夫）：[姓名]")},
            {QStringLiteral("复查。家属 （丈夫） 李建国"), QStringLiteral("复查。家属 （丈夫） [姓名]")},
            {QStringLiteral("家属（兄）李建国，电话。"), QStringLiteral("家属（兄）[姓名]，电话。")},
            {QStringLiteral("复查3次。医师（主治）刘洋查房。"),
             QStringLiteral("复查3次。医师（主治）[姓名]查房。")},
            {QStringLiteral("患者（女，42岁）李建国入院。"), QStringLiteral("患者（女，42岁）[姓名]入院。")},
            // The relation as the cue inside the parenthesis, the name after it.
            {QStringLiteral("复查。（丈夫）李建国，电话。"), QStringLiteral("复查。（丈夫）[姓名]，电话。")},
            {QStringLiteral("联系人：（之女）王丽娟，电话。"),
             QStringLiteral("联系人：（之女）[姓名]，电话。")},
            // A label with a remark in parentheses, then its colon.
            {QStringLiteral("签名（手写）：张建军"), QStringLiteral("签名（手写）：[姓名]")},
            // The name in the parenthesis, as before.
            {QStringLiteral("家属（李建国）签字。"), QStringLiteral("家属（[姓名]）签字。")},
            {QStringLiteral("家属（丈夫李建国）签字。"), QStringLiteral("家属（丈夫[姓名]）签字。")},
            // No name after the parenthesis: nothing is taken.
            {QStringLiteral("家属（丈夫）要求出院。"), QStringLiteral("家属（丈夫）要求出院。")},
            {QStringLiteral("家属（女儿）代诉病史。"), QStringLiteral("家属（女儿）代诉病史。")},
            {QStringLiteral("家属（配偶）于今日签字。"), QStringLiteral("家属（配偶）于今日签字。")},
            {QStringLiteral("患者（左乳）肿物增大。"), QStringLiteral("患者（左乳）肿物增大。")},
            {QStringLiteral("患者（术后3月）复查。"), QStringLiteral("患者（术后3月）复查。")},
            {QStringLiteral("患者（女）高血压病史10年。"), QStringLiteral("患者（女）高血压病史10年。")},
            {QStringLiteral("报告（初步）：双乳增生。"), QStringLiteral("报告（初步）：双乳增生。")},
            {QStringLiteral("家属（丈夫）电话13812345678。"), QStringLiteral("家属（丈夫）电话[手机号]。")},
            {QStringLiteral("向家属（丈夫）交代病情，同意手术。"),
             QStringLiteral("向家属（丈夫）交代病情，同意手术。")},
        };
        const TextDeidentifier deid;
        for (const auto &[in, expected] : cases)
            QCOMPARE(deid.deidentify(in), expected);
    }

    // Clinical text written apart from the generator, with no identifier in it, stays as it was.
    void clinicalTextOutsideTheGeneratorStays()
    {
        const QStringList sentences = {
            QStringLiteral("患者高龄，既往史：高血压3级，糖尿病10年，规律服用二甲双胍。"),
            QStringLiteral(
                "查体：T 36.5℃，P 80次/分，R 18次/分，BP 130/80mmHg。双肺呼吸音清，未闻及干湿啰音。"),
            QStringLiteral("左乳外上象限可及3.5cm×3.0cm肿块，质硬，活动度差，与皮肤粘连，橘皮征(+)。"),
            QStringLiteral("辅助检查：血常规示白细胞4.2×10^9/L，中性粒细胞比例65%，血红蛋白115g/L。"),
            QStringLiteral("乳腺超声：左乳10点钟方向低回声团块，大小约32×28mm，BI-RADS 5类。"),
            QStringLiteral("治疗方案：TCbHP方案新辅助化疗6周期，联合帕博利珠单抗200mg q3w，同步放疗。"),
            QStringLiteral("放疗靶区：CTV包括左侧胸壁及锁骨上下区，处方剂量50Gy/25f，每周5次。"),
            QStringLiteral("患者于术后第3天出现发热，体温最高38.6℃，考虑切口感染，予头孢呋辛抗感染治疗。"),
            QStringLiteral("免疫相关性肺炎2级，予甲泼尼龙1mg/kg治疗后好转。"),
            QStringLiteral("病理：(左乳)浸润性导管癌，组织学分级Ⅲ级，脉管内癌栓(+)，神经侵犯(-)。"),
            QStringLiteral(
                "免疫组化：ER(-)，PR(-)，HER2(2+)，FISH检测无扩增，Ki-67(+，约70%)，AR(+)，CK5/6(+)。"),
            QStringLiteral("Miller-Payne分级：4级。淋巴结转移情况：0/18。"),
            QStringLiteral("建议：定期复查，每3个月复查一次乳腺超声及肿瘤标志物，如有不适随诊。"),
            QStringLiteral("患者周期性出现关节疼痛，考虑芳香化酶抑制剂相关，予补钙及维生素D。"),
            QStringLiteral("心电图：窦性心律，正常心电图。心脏彩超：LVEF 62%。"),
            QStringLiteral("常规予止吐、保肝、升白治疗，患者一般情况可。"),
            QStringLiteral("皮肤黄染，尿色加深，复查肝功能：ALT 156U/L，AST 98U/L，TBIL 45μmol/L。"),
            QStringLiteral("于门诊行PICC置管，每周维护一次。"),
            QStringLiteral("白天精神可，夜间睡眠欠佳，予艾司唑仑1mg qn。"),
            QStringLiteral("金黄色葡萄球菌感染，予万古霉素治疗。"),
            QStringLiteral("江苏省肿瘤登记年报显示发病率上升。"),
            QStringLiteral("向家属告知病情，签署知情同意书。"),
            QStringLiteral("方案调整为卡培他滨维持治疗，第2周期开始减量至1500mg bid。"),
            QStringLiteral("患者诉左上肢水肿，测臂围较健侧增粗2cm，予淋巴引流治疗。"),
        };
        const TextDeidentifier deid;
        for (const QString &s : sentences)
            QCOMPARE(deid.deidentify(s), s);
        QCOMPARE(deid.deidentify(u"石女士的病例在MDT讨论中被提出。"),
                 QStringLiteral("[姓名]女士的病例在MDT讨论中被提出。"));
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
