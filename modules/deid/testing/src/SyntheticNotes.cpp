#include "mdp/deid/testing/SyntheticNotes.h"

#include <QDate>
#include <QHash>

#include <functional>

namespace mdp::deid::testing {

namespace {

// The generator's own vocabularies, written apart from the finder's so that the tests do not just
// replay the finder's lists.
const QString kSurnames = QStringLiteral(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施"
    "文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗"
    "谷");
const QStringList kCompound = {QStringLiteral("欧阳"), QStringLiteral("司马"), QStringLiteral("上官"),
                               QStringLiteral("诸葛"), QStringLiteral("东方"), QStringLiteral("皇甫"),
                               QStringLiteral("慕容"), QStringLiteral("令狐"), QStringLiteral("夏侯")};
const QString kGiven = QStringLiteral("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂玉华红梅丹萍鹏辉波斌宇"
                                      "浩凯健俊帆旭宁欣佳怡婷雪慧莉琳颖倩晶燕"
                                      "琴云莹璐瑶蕾薇晨亮峰飞鑫志海春晓立永成德荣福祥宏庆光清忠良友宝珍凤莲菊"
                                      "芬淑琼翠娥鸿毅博睿哲轩泽涵梓若思雨悦彤"
                                      "诗嘉铭逸航昊熙瑞月冰洁虹娇婉媛馨蓉琪菲露青岚玲珊巧美茜卉萌蕊乐爽丝妍蓓"
                                      "婧韵艺聪澜毓昭妮雯勤珠香君绮鹃凝晴梦璇"
                                      "钰亚宜根才山川岩坚锋钢威豪雄卫兴富顺达贤仁信智诚厚礼坤元庭栋楠枫竹霖泉"
                                      "源远恒康泰凡朗彬骏驰腾翔鹤鸣丰秋冬晖");

const QStringList kProvinces = {
    QStringLiteral("浙江省"),         QStringLiteral("江苏省"),   QStringLiteral("广东省"),
    QStringLiteral("四川省"),         QStringLiteral("湖北省"),   QStringLiteral("山东省"),
    QStringLiteral("河南省"),         QStringLiteral("福建省"),   QStringLiteral("安徽省"),
    QStringLiteral("湖南省"),         QStringLiteral("江西省"),   QStringLiteral("河北省"),
    QStringLiteral("辽宁省"),         QStringLiteral("陕西省"),   QStringLiteral("云南省"),
    QStringLiteral("广西壮族自治区"), QStringLiteral("黑龙江省"), QStringLiteral("内蒙古自治区")};
const QStringList kCities = {QStringLiteral("杭州市"), QStringLiteral("宁波市"), QStringLiteral("温州市"),
                             QStringLiteral("南京市"), QStringLiteral("苏州市"), QStringLiteral("广州市"),
                             QStringLiteral("成都市"), QStringLiteral("武汉市"), QStringLiteral("济南市"),
                             QStringLiteral("郑州市"), QStringLiteral("福州市"), QStringLiteral("合肥市"),
                             QStringLiteral("长沙市"), QStringLiteral("绍兴市"), QStringLiteral("嘉兴市"),
                             QStringLiteral("台州市"), QStringLiteral("金华市"), QStringLiteral("义乌市"),
                             QStringLiteral("昆明市"), QStringLiteral("桂林市"), QStringLiteral("洛阳市")};
const QStringList kMunicipalities = {QStringLiteral("北京市"), QStringLiteral("上海市"),
                                     QStringLiteral("天津市"), QStringLiteral("重庆市")};
const QStringList kDistricts = {
    QStringLiteral("西湖区"),   QStringLiteral("鼓楼区"), QStringLiteral("朝阳区"), QStringLiteral("海淀区"),
    QStringLiteral("浦东新区"), QStringLiteral("江干区"), QStringLiteral("武侯区"), QStringLiteral("天河区"),
    QStringLiteral("历下区"),   QStringLiteral("金水区"), QStringLiteral("鄞州区"), QStringLiteral("越城区"),
    QStringLiteral("桐庐县"),   QStringLiteral("德清县"), QStringLiteral("长兴县"), QStringLiteral("新昌县"),
    QStringLiteral("瑞安市"),   QStringLiteral("临海市")};
const QStringList kTowns = {
    QStringLiteral("分水镇"),   QStringLiteral("塘下镇"),   QStringLiteral("新市镇"),
    QStringLiteral("城关镇"),   QStringLiteral("双林镇"),   QStringLiteral("梅溪乡"),
    QStringLiteral("文三街道"), QStringLiteral("古荡街道"), QStringLiteral("南星街道")};
const QStringList kVillages = {QStringLiteral("罗凤村"),   QStringLiteral("前山村"),
                               QStringLiteral("下洋村"),   QStringLiteral("东岙村"),
                               QStringLiteral("新联社区"), QStringLiteral("翠苑社区")};
const QStringList kRoads = {
    QStringLiteral("文三路"),   QStringLiteral("中山路"),   QStringLiteral("解放路"),
    QStringLiteral("建国北路"), QStringLiteral("人民大道"), QStringLiteral("和平街"),
    QStringLiteral("学院路"),   QStringLiteral("天目山路"), QStringLiteral("延安西路"),
    QStringLiteral("长江大街"), QStringLiteral("青石巷"),   QStringLiteral("梧桐弄")};
const QStringList kEstates = {QStringLiteral("阳光花园"), QStringLiteral("翠苑一区"),
                              QStringLiteral("金色家园"), QStringLiteral("望江新村"),
                              QStringLiteral("绿城小区"), QStringLiteral("锦绣公寓")};
const QStringList kHospitalPlaces = {
    QStringLiteral("浙江省"), QStringLiteral("杭州市"), QStringLiteral("温州市"), QStringLiteral("南京市"),
    QStringLiteral("上海市"), QStringLiteral("嘉兴市"), QStringLiteral("绍兴市"), QStringLiteral("桐庐县"),
    QStringLiteral("义乌市"), QStringLiteral("湖州市"), QStringLiteral("丽水市"), QStringLiteral("长兴县")};
const QStringList kUniversities = {QStringLiteral("浙江大学医学院"),     QStringLiteral("温州医科大学"),
                                   QStringLiteral("南京医科大学"),       QStringLiteral("复旦大学"),
                                   QStringLiteral("中山大学"),           QStringLiteral("四川大学"),
                                   QStringLiteral("上海交通大学医学院"), QStringLiteral("苏州大学")};
const QStringList kDepartments = {
    QStringLiteral("乳腺外科"),   QStringLiteral("肿瘤内科"),   QStringLiteral("放疗科"),
    QStringLiteral("放射治疗科"), QStringLiteral("病理科"),     QStringLiteral("放射科"),
    QStringLiteral("超声科"),     QStringLiteral("核医学科"),   QStringLiteral("甲乳外科"),
    QStringLiteral("肿瘤放疗科"), QStringLiteral("心内科"),     QStringLiteral("内分泌科"),
    QStringLiteral("麻醉科"),     QStringLiteral("医学影像科"), QStringLiteral("乳腺肿瘤科"),
    QStringLiteral("检验科"),     QStringLiteral("营养科"),     QStringLiteral("康复医学科"),
    QStringLiteral("胸外科"),     QStringLiteral("皮肤科")};

// Full-width forms of ASCII digits and letters (what an IME produces).
QString wide(const QString &s)
{
    QString out;
    for (QChar c : s)
        out.append(c.unicode() > 0x20 && c.unicode() < 0x7F ? QChar(c.unicode() - 0x20 + 0xFF00) : c);
    return out;
}

class Builder
{
public:
    explicit Builder(QRandomGenerator &rng)
        : m_rng(rng)
    {}

    int pick(int n) { return int(m_rng.bounded(n)); }
    bool chance(int percent) { return pick(100) < percent; }
    template<typename T> const T &pick(const QList<T> &list) { return list.at(pick(int(list.size()))); }
    QString digits(int n)
    {
        QString s;
        for (int i = 0; i < n; ++i)
            s.append(QChar(u'0' + pick(10)));
        return s;
    }

    // Text never runs straight into a number before it: "138...5678" then "1月余" would be one
    // number to anyone reading it.
    void text(const QString &s)
    {
        separate(s);
        m_note.text += s;
    }
    void separate(const QString &next)
    {
        if (!m_note.text.isEmpty() && !next.isEmpty() && m_note.text.back().isDigit() &&
            next.front().isDigit())
            m_note.text += QStringLiteral("，");
    }
    void plant(IdentifierKind kind, const QString &value, bool checkable = false)
    {
        separate(value);
        m_note.identifiers.append(
            PlantedIdentifier{kind, m_note.text.size(), value.size(), value, checkable});
        m_note.text += value;
    }
    void negative(const QString &s)
    {
        separate(s);
        m_note.hardNegatives.append(s);
        m_note.text += s;
    }
    SyntheticNote take() { return std::move(m_note); }
    SyntheticNote &note() { return m_note; }

private:
    QRandomGenerator &m_rng;
    SyntheticNote m_note;
};

// One note's people, places and numbers: the same patient is named the same way throughout.
struct Cast
{
    QString patient;
    QString relative;
    QString relation;
    QStringList doctors;
    QString nurse;
    QString hospital;
    QString referrer; // the hospital of first diagnosis
    QString department;
    QDate admitted;
    int age = 50;
    bool female = true;
};

class NoteWriter
{
public:
    explicit NoteWriter(QRandomGenerator &rng)
        : b(rng)
    {
        makeCast();
    }

    SyntheticNote write();

private:
    // ---- values ----
    QString name()
    {
        QString s;
        if (b.chance(4))
            s = b.pick(kCompound);
        else
            s = kSurnames.at(b.pick(int(kSurnames.size())));
        const int given = b.chance(62) ? 2 : 1;
        for (int i = 0; i < given; ++i)
            s.append(kGiven.at(b.pick(int(kGiven.size()))));
        return s;
    }
    QString hospital()
    {
        const QString place = b.pick(kHospitalPlaces);
        static const QStringList ordinal = {QStringLiteral("第一"), QStringLiteral("第二"),
                                            QStringLiteral("第三"), QStringLiteral("第五"),
                                            QStringLiteral("第六")};
        switch (b.pick(11)) {
        case 0:
            return place + QStringLiteral("人民医院");
        case 1:
            return place + b.pick(ordinal) + QStringLiteral("人民医院");
        case 2:
            return b.pick(kUniversities) + QStringLiteral("附属") + b.pick(ordinal) + QStringLiteral("医院");
        case 3:
            return place + QStringLiteral("肿瘤医院");
        case 4:
            return place + QStringLiteral("中医院");
        case 5:
            return place + QStringLiteral("妇幼保健院");
        case 6:
            return place + QStringLiteral("中心医院");
        case 7:
            return b.pick(kTowns).left(2) + QStringLiteral("镇卫生院");
        case 8:
            return b.pick(kVillages).left(2) + QStringLiteral("社区卫生服务中心");
        case 9:
            return b.pick(kUniversities) + QStringLiteral("附属肿瘤医院");
        default:
            return name().left(1) + QStringLiteral("氏中医诊所");
        }
    }
    QString department()
    {
        QString d = b.pick(kDepartments);
        if (b.chance(20)) {
            static const QStringList wards = {QStringLiteral("一病区"), QStringLiteral("二病区"),
                                              QStringLiteral("3病区"), QStringLiteral("门诊")};
            d += b.pick(wards);
        }
        return d;
    }
    QString address()
    {
        QString a;
        const int form = b.pick(5);
        const bool municipality = b.chance(20);
        if (form != 4)
            a += municipality ? b.pick(kMunicipalities)
                              : (b.chance(70) ? b.pick(kProvinces) : QString()) + b.pick(kCities);
        a += b.pick(kDistricts);
        switch (form) {
        case 0:
            a += b.pick(kRoads) + QString::number(1 + b.pick(500)) + u'号';
            break;
        case 1:
            a += b.pick(kRoads) + QString::number(1 + b.pick(300)) + u'号' + b.pick(kEstates) +
                 QString::number(1 + b.pick(30)) + QStringLiteral("幢") + QString::number(1 + b.pick(6)) +
                 QStringLiteral("单元") + QString::number(101 + b.pick(1800)) + u'室';
            break;
        case 2:
            a += b.pick(kTowns) + b.pick(kVillages) + QString::number(1 + b.pick(12)) + u'组';
            break;
        case 3:
            a += b.pick(kEstates) + QString::number(1 + b.pick(20)) + u'-' + QString::number(1 + b.pick(4)) +
                 u'-' + QString::number(101 + b.pick(1500));
            break;
        default:
            a = b.pick(kTowns) + b.pick(kVillages) + QString::number(1 + b.pick(80)) + u'号';
            break;
        }
        return b.chance(10) ? wide(a) : a;
    }
    QString date(QDate d, bool allowPartial = true)
    {
        const int form = b.pick(allowPartial ? 11 : 9);
        auto z = [](int v) { return QStringLiteral("%1").arg(v, 2, 10, QChar(u'0')); };
        QString s;
        switch (form) {
        case 0:
        case 1:
            s = QStringLiteral("%1年%2月%3日").arg(d.year()).arg(d.month()).arg(d.day());
            break;
        case 2:
            s = QStringLiteral("%1-%2-%3").arg(d.year()).arg(z(d.month()), z(d.day()));
            break;
        case 3:
            s = QStringLiteral("%1/%2/%3").arg(d.year()).arg(d.month()).arg(d.day());
            break;
        case 4:
            s = QStringLiteral("%1.%2.%3").arg(d.year()).arg(z(d.month()), z(d.day()));
            break;
        case 5:
            s = QStringLiteral("%1 年 %2 月 %3 日").arg(d.year()).arg(d.month()).arg(d.day());
            break;
        case 6: {
            static const QString digitsHan = QStringLiteral("〇一二三四五六七八九");
            auto num = [&](int v) {
                if (v < 10)
                    return QString(digitsHan.at(v));
                if (v < 20)
                    return QStringLiteral("十") + (v % 10 ? QString(digitsHan.at(v % 10)) : QString());
                return QString(digitsHan.at(v / 10)) + u'十' +
                       (v % 10 ? QString(digitsHan.at(v % 10)) : QString());
            };
            for (QChar c : QString::number(d.year()))
                s.append(digitsHan.at(c.unicode() - u'0'));
            s += u'年' + num(d.month()) + u'月' + num(d.day()) + u'日';
            break;
        }
        case 7:
            s = QStringLiteral("%1%2%3").arg(d.year()).arg(z(d.month()), z(d.day()));
            break;
        case 8:
            s = QStringLiteral("%1年%2月%3日").arg(d.year()).arg(z(d.month()), z(d.day()));
            break;
        case 9:
            s = QStringLiteral("%1月%2日").arg(d.month()).arg(d.day());
            break;
        default:
            s = QStringLiteral("%1年%2月").arg(d.year()).arg(d.month());
            break;
        }
        if (b.chance(8) && form != 6)
            s = wide(s);
        return s;
    }
    QString time()
    {
        switch (b.pick(3)) {
        case 0:
            return QStringLiteral(" %1:%2")
                .arg(b.pick(24), 2, 10, QChar(u'0'))
                .arg(b.pick(60), 2, 10, QChar(u'0'));
        case 1:
            return QStringLiteral("%1时%2分").arg(b.pick(24)).arg(b.pick(60));
        default:
            return QStringLiteral(" %1:%2:%3")
                .arg(b.pick(24), 2, 10, QChar(u'0'))
                .arg(b.pick(60), 2, 10, QChar(u'0'))
                .arg(b.pick(60), 2, 10, QChar(u'0'));
        }
    }
    QString residentId()
    {
        static const QStringList regions = {QStringLiteral("330106"), QStringLiteral("330522"),
                                            QStringLiteral("320102"), QStringLiteral("440104"),
                                            QStringLiteral("510107"), QStringLiteral("420111"),
                                            QStringLiteral("370102"), QStringLiteral("110105")};
        const QDate born = QDate(2024, 1, 1).addYears(-m_cast.age).addDays(b.pick(365));
        QString body = b.pick(regions) + born.toString(QStringLiteral("yyyyMMdd")) + b.digits(2) +
                       QChar(u'0' + (m_cast.female ? 2 * b.pick(5) : 2 * b.pick(5) + 1));
        static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; ++i)
            sum += (body.at(i).unicode() - u'0') * kWeights[i];
        QString id = body + QChar(u"10X98765432"[sum % 11]);
        if (b.chance(20) && id.endsWith(u'X'))
            id.back() = u'x';
        return b.chance(10) ? wide(id) : id;
    }
    QString card()
    {
        static const QStringList bins = {QStringLiteral("622202"), QStringLiteral("621700"),
                                         QStringLiteral("622848"), QStringLiteral("621483"),
                                         QStringLiteral("625965")};
        const int length = b.chance(70) ? 19 : 16;
        QString s = b.pick(bins) + b.digits(length - 7);
        for (int check = 0; check < 10; ++check)
            if (passesLuhn(s + QChar(u'0' + check))) {
                s += QChar(u'0' + check);
                break;
            }
        if (b.chance(30)) {
            QString grouped;
            for (int i = 0; i < s.size(); i += 4)
                grouped += (i ? QStringLiteral(" ") : QString()) + s.mid(i, 4);
            return grouped;
        }
        return s;
    }
    QString mobile()
    {
        QString m = QStringLiteral("1") + QChar(u'3' + b.pick(7)) + b.digits(9);
        switch (b.pick(8)) {
        case 0:
            return QStringLiteral("+86 ") + m;
        case 1:
            return QStringLiteral("+86-") + m;
        case 2:
            return m.left(3) + u'-' + m.mid(3, 4) + u'-' + m.mid(7);
        case 3:
            return m.left(3) + u' ' + m.mid(3, 4) + u' ' + m.mid(7);
        case 4:
            return wide(m);
        default:
            return m;
        }
    }
    QString landline()
    {
        static const QStringList areas = {
            QStringLiteral("0571"), QStringLiteral("010"),  QStringLiteral("021"),
            QStringLiteral("025"),  QStringLiteral("0577"), QStringLiteral("0574"),
            QStringLiteral("020"),  QStringLiteral("028"),  QStringLiteral("0575")};
        const QString area = b.pick(areas);
        const QString local = QChar(u'2' + b.pick(8)) + b.digits(area.size() == 3 ? 7 : 7);
        switch (b.pick(7)) {
        case 0:
            return area + u'-' + local;
        case 1:
            return u'(' + area + u')' + local;
        case 2:
            return QStringLiteral("（") + area + QStringLiteral("）") + local;
        case 3:
            return area + u'-' + local + QStringLiteral("转") + b.digits(3);
        case 4:
            return QStringLiteral("400-") + b.digits(3) + u'-' + b.digits(4);
        case 5:
            return area + u' ' + local;
        default:
            return wide(area + u'-' + local);
        }
    }
    QString email()
    {
        static const QStringList users = {QStringLiteral("zhangwei"),  QStringLiteral("li.na"),
                                          QStringLiteral("wang_fang"), QStringLiteral("chenjing"),
                                          QStringLiteral("yang.min"),  QStringLiteral("liu-yang")};
        static const QStringList domains = {QStringLiteral("163.com"), QStringLiteral("qq.com"),
                                            QStringLiteral("126.com"), QStringLiteral("hospital-example.cn"),
                                            QStringLiteral("sina.com.cn")};
        return b.pick(users) + b.digits(b.pick(4)) + u'@' + b.pick(domains);
    }
    QString recordNumber()
    {
        switch (b.pick(6)) {
        case 0:
            return QStringLiteral("ZY") + QString::number(2019 + b.pick(6)) + b.digits(6);
        case 1:
            return b.digits(6 + b.pick(4));
        case 2:
            return QStringLiteral("MZ") + b.digits(8);
        case 3:
            return QStringLiteral("P") + b.digits(9);
        case 4:
            return QStringLiteral("00") + b.digits(8);
        default:
            return QString::number(2020 + b.pick(5)) + b.digits(6);
        }
    }
    QString accession()
    {
        switch (b.pick(4)) {
        case 0:
            return QStringLiteral("BL") + QString::number(20 + b.pick(5)) + u'-' + b.digits(5);
        case 1:
            return QStringLiteral("CT") + QString::number(2020 + b.pick(5)) + b.digits(7);
        case 2:
            return QStringLiteral("MR") + b.digits(9);
        default:
            return QStringLiteral("US-") + b.digits(8);
        }
    }
    QString colon()
    {
        static const QStringList forms = {QStringLiteral("："), QStringLiteral(":"),   QStringLiteral("： "),
                                          QStringLiteral(": "), QStringLiteral(" ："), QStringLiteral("：")};
        return b.pick(forms);
    }
    QString comma()
    {
        static const QStringList forms = {QStringLiteral("，"), QStringLiteral("，"), QStringLiteral(", "),
                                          QStringLiteral(",")};
        return b.pick(forms);
    }
    QString stop()
    {
        static const QStringList forms = {QStringLiteral("。"), QStringLiteral("。"), QStringLiteral(". "),
                                          QStringLiteral("；")};
        return b.pick(forms);
    }
    QString newline()
    {
        static const QStringList forms = {QStringLiteral("\n"), QStringLiteral("\n"), QStringLiteral("\r\n"),
                                          QStringLiteral("\n\n"), QStringLiteral("\n  ")};
        return b.pick(forms);
    }
    QString fieldGap()
    {
        static const QStringList forms = {QStringLiteral("  "), QStringLiteral("\t"), QStringLiteral("\n"),
                                          QStringLiteral("　"), QStringLiteral("    ")};
        return b.pick(forms);
    }

    void makeCast()
    {
        m_cast.female = !b.chance(2);
        m_cast.age = b.chance(3) ? 90 + b.pick(8) : 28 + b.pick(55);
        m_cast.patient = name();
        m_cast.relative = name();
        static const QStringList relations = {QStringLiteral("丈夫"), QStringLiteral("女儿"),
                                              QStringLiteral("儿子"), QStringLiteral("妹妹"),
                                              QStringLiteral("姐姐"), QStringLiteral("母亲")};
        m_cast.relation = b.pick(relations);
        for (int i = 0; i < 3; ++i)
            m_cast.doctors.append(name());
        m_cast.nurse = name();
        m_cast.hospital = hospital();
        m_cast.referrer = hospital();
        m_cast.department = department();
        m_cast.admitted = QDate(2021, 1, 1).addDays(b.pick(1400));
    }

    // ---- templates ----
    // A template is text with slots in braces; each slot plants a value or adds varied punctuation.
    void emit(const QString &tmpl);
    void slot(QStringView name);
    QString clinicalSentence();
    void hardNegative();

    Builder b;
    Cast m_cast;
    QDate m_cursor;
};

void NoteWriter::emit(const QString &tmpl)
{
    qsizetype i = 0;
    while (i < tmpl.size()) {
        const qsizetype open = tmpl.indexOf(u'{', i);
        if (open < 0) {
            b.text(tmpl.mid(i));
            break;
        }
        b.text(tmpl.mid(i, open - i));
        const qsizetype close = tmpl.indexOf(u'}', open);
        slot(QStringView(tmpl).sliced(open + 1, close - open - 1));
        i = close + 1;
    }
}

void NoteWriter::slot(QStringView s)
{
    using K = IdentifierKind;
    auto nextDate = [&] {
        m_cursor = m_cursor.addDays(1 + b.pick(20));
        return m_cursor;
    };
    if (s == u"P")
        b.plant(K::PersonName, m_cast.patient);
    else if (s == u"PS") // the patient's surname before 女士/先生
        b.plant(K::PersonName,
                m_cast.patient.left(
                    m_cast.patient.size() >= 3 && kCompound.contains(m_cast.patient.left(2)) ? 2 : 1));
    else if (s == u"R")
        b.plant(K::PersonName, m_cast.relative);
    else if (s == u"REL")
        b.text(m_cast.relation);
    else if (s == u"D1" || s == u"D2" || s == u"D3")
        b.plant(K::PersonName, m_cast.doctors.at(s.at(1).unicode() - u'1'));
    else if (s == u"DS") {
        const QString d = m_cast.doctors.at(b.pick(3));
        b.plant(K::PersonName, d.left(d.size() >= 3 && kCompound.contains(d.left(2)) ? 2 : 1));
    } else if (s == u"NU")
        b.plant(K::PersonName, m_cast.nurse);
    else if (s == u"X") // someone else (a witness, a physicist)
        b.plant(K::PersonName, name());
    else if (s == u"H")
        b.plant(K::Institution, m_cast.hospital);
    else if (s == u"H2")
        b.plant(K::Institution, m_cast.referrer);
    else if (s == u"DEP")
        b.plant(K::Department, m_cast.department);
    else if (s == u"DEP2")
        b.plant(K::Department, department());
    else if (s == u"ADDR")
        b.plant(K::Address, address());
    else if (s == u"DATE")
        b.plant(K::Date, date(nextDate(), false));
    else if (s == u"ADATE")
        b.plant(K::Date, date(m_cast.admitted, false));
    else if (s == u"ANYDATE")
        b.plant(K::Date, date(nextDate(), true));
    else if (s == u"DT") {
        const QString d = date(nextDate(), false);
        const QString t = time();
        // An hour right after a numeric day would be read as part of the day ("2023/11/10时").
        const bool glue = d.back().isDigit() && t.front().isDigit();
        b.plant(K::Date, d + (glue ? QStringLiteral(" ") : QString()) + t);
    } else if (s == u"PAST")
        b.plant(K::Date, date(m_cast.admitted.addDays(-30 - b.pick(300)), true));
    else if (s == u"BIRTH")
        b.plant(K::Date, date(QDate(2024, 1, 1).addYears(-m_cast.age).addDays(b.pick(365)), false));
    else if (s == u"ID")
        b.plant(K::ResidentId, residentId(), true);
    else if (s == u"CARD")
        b.plant(K::BankCard, card(), true);
    else if (s == u"MOB")
        b.plant(K::MobilePhone, mobile(), true);
    else if (s == u"TEL")
        b.plant(K::Landline, landline());
    else if (s == u"MAIL")
        b.plant(K::Email, email(), true);
    else if (s == u"MRN")
        b.plant(K::RecordNumber, b.chance(8) ? wide(recordNumber()) : recordNumber());
    else if (s == u"ACC")
        b.plant(K::RecordNumber, accession());
    else if (s == u"BED")
        b.plant(K::RecordNumber, QString::number(1 + b.pick(60)));
    else if (s == u"INS")
        b.plant(K::OtherId, QStringLiteral("A") + b.digits(8 + b.pick(3)));
    else if (s == u"AGE") {
        if (m_cast.age >= 90)
            b.plant(K::Age, QString::number(m_cast.age) +
                                (b.chance(50) ? QStringLiteral("岁") : QStringLiteral("周岁")));
        else
            b.negative(QString::number(m_cast.age) + QStringLiteral("岁"));
    } else if (s == u"SEX")
        b.text(m_cast.female ? QStringLiteral("女") : QStringLiteral("男"));
    else if (s == u":")
        b.text(colon());
    else if (s == u",")
        b.text(comma());
    else if (s == u".")
        b.text(stop());
    else if (s == u"NL")
        b.text(newline());
    else if (s == u"GAP")
        b.text(fieldGap());
    else if (s == u"NEG")
        hardNegative();
    else if (s == u"CLIN")
        b.text(clinicalSentence());
    else if (s == u"N")
        b.text(QString::number(1 + b.pick(6)));
}

QString NoteWriter::clinicalSentence()
{
    static const QStringList s = {
        QStringLiteral("查体：双乳不对称，左乳外上象限可触及一肿块，约3.0cm×2.5cm，质硬，边界不清，活动度差"),
        QStringLiteral("左腋下可触及肿大淋巴结，约1.5cm，无压痛"),
        QStringLiteral("心肺听诊未闻及明显异常，腹软，无压痛及反跳痛"),
        QStringLiteral("血常规：WBC 5.6×10^9/L，Hb 121g/L，PLT 230×10^9/L"),
        QStringLiteral("肝肾功能未见明显异常，甲状腺功能正常"),
        QStringLiteral("新辅助治疗方案为帕博利珠单抗联合紫杉醇、卡铂，同步行区域放疗"),
        QStringLiteral("放疗计划：全乳及区域淋巴结 DT 50Gy/25F，瘤床同步加量至60Gy"),
        QStringLiteral("治疗期间出现Ⅱ级放射性皮炎，予对症处理后好转"),
        QStringLiteral("免疫相关不良反应监测：TSH轻度升高，未予特殊处理"),
        QStringLiteral("超声示左乳低回声结节，BI-RADS 4C类"),
        QStringLiteral("穿刺病理示浸润性导管癌，ER(-)，PR(-)，HER2(0)，Ki-67约60%"),
        QStringLiteral("MRI评估：肿瘤较前明显缩小，疗效评价PR"),
        QStringLiteral("目前一般情况可，饮食睡眠可，大小便无殊"),
        QStringLiteral("继续当前方案治疗，定期复查血常规、肝肾功能及甲状腺功能"),
        QStringLiteral("患者及家属对病情及治疗方案表示理解"),
        QStringLiteral("病理完全缓解（pCR），ypT0N0"),
        QStringLiteral("予止吐、护胃、水化等支持治疗"),
        QStringLiteral("告知放疗期间保持照射野皮肤清洁干燥"),
        QStringLiteral("CT示双肺未见明确转移灶，肝脏未见占位"),
        QStringLiteral("术后恢复顺利，切口愈合良好"),
    };
    return s.at(b.pick(int(s.size())));
}

void NoteWriter::hardNegative()
{
    static const QStringList s = {
        QStringLiteral("既往高血压病史10年"),
        QStringLiteral("白细胞计数3.2×10^9/L"),
        QStringLiteral("按AC-T方案化疗"),
        QStringLiteral("痰培养示金黄色葡萄球菌"),
        QStringLiteral("于术前行常规检查"),
        QStringLiteral("皮肤巩膜无黄疸"),
        QStringLiteral("双膝关节无红肿"),
        QStringLiteral("石膏固定"),
        QStringLiteral("每周期21天"),
        QStringLiteral("周身乏力"),
        QStringLiteral("Ki-67 30%"),
        QStringLiteral("ER(+，90%)，PR(+，40%)"),
        QStringLiteral("HER2(1+)"),
        QStringLiteral("PD-L1 CPS=15"),
        QStringLiteral("帕博利珠单抗200mg 静滴 q3w"),
        QStringLiteral("CA15-3 23.5U/ml"),
        QStringLiteral("cT2N1M0"),
        QStringLiteral("第3周期"),
        QStringLiteral("外院就诊"),
        QStringLiteral("当地医院"),
        QStringLiteral("上级医院"),
        QStringLiteral("我院门诊随访"),
        QStringLiteral("中心静脉置管"),
        QStringLiteral("药品批号C230415"),
        QStringLiteral("放疗25次"),
        QStringLiteral("术后3个月"),
        QStringLiteral("约2.3cm×1.8cm"),
        QStringLiteral("左乳外上象限"),
        QStringLiteral("平素体健"),
        QStringLiteral("明显缩小"),
        QStringLiteral("全身骨扫描未见异常"),
        QStringLiteral("安静状态下"),
        QStringLiteral("双侧腋窝"),
        QStringLiteral("单发病灶"),
        QStringLiteral("常规心电图"),
        QStringLiteral("黄体酮"),
        QStringLiteral("关于放疗副作用"),
        QStringLiteral("向患者交代病情"),
        QStringLiteral("时有咳嗽"),
        QStringLiteral("江浙地区"),
        QStringLiteral("王氏手法"),
        QStringLiteral("高危因素"),
        QStringLiteral("方可出院"),
        QStringLiteral("石蜡切片"),
        QStringLiteral("于门诊复查"),
        QStringLiteral("1月余"),
        QStringLiteral("Ⅲ期"),
        QStringLiteral("ICD-10 C50.4"),
        QStringLiteral("医院感染防控"),
        QStringLiteral("8床旁"),
    };
    b.negative(s.at(b.pick(int(s.size()))));
}

SyntheticNote NoteWriter::write()
{
    m_cursor = m_cast.admitted;
    static const QStringList types = {
        QStringLiteral("admission"),    QStringLiteral("progress"), QStringLiteral("discharge"),
        QStringLiteral("pathology"),    QStringLiteral("imaging"),  QStringLiteral("consent"),
        QStringLiteral("radiotherapy"), QStringLiteral("infusion"), QStringLiteral("followup")};
    const QString type = types.at(b.pick(int(types.size())));
    b.note().type = type;

    // Header lines: a random subset, in a random order, of the form fields a note opens with.
    QStringList header = {
        QStringLiteral("姓名{:}{P}"),         QStringLiteral("性别{:}{SEX}"),
        QStringLiteral("年龄{:}{AGE}"),       QStringLiteral("住院号{:}{MRN}"),
        QStringLiteral("病案号{:}{MRN}"),     QStringLiteral("床号{:}{BED}"),
        QStringLiteral("科室{:}{DEP}"),       QStringLiteral("入院日期{:}{ADATE}"),
        QStringLiteral("身份证号{:}{ID}"),    QStringLiteral("联系电话{:}{MOB}"),
        QStringLiteral("门诊号{:}{MRN}"),     QStringLiteral("ID号{:}{MRN}"),
        QStringLiteral("出生日期{:}{BIRTH}"), QStringLiteral("现住址{:}{ADDR}"),
        QStringLiteral("医保卡号{:}{INS}"),   QStringLiteral("登记号{:}{MRN}"),
    };
    for (int i = int(header.size()) - 1; i > 0; --i)
        header.swapItemsAt(i, b.pick(i + 1));
    const int fields = 2 + b.pick(6);
    if (type != QStringLiteral("followup")) {
        emit(QStringLiteral("{H}{NL}"));
        for (int i = 0; i < fields; ++i)
            emit(header.at(i) + (i + 1 < fields ? QStringLiteral("{GAP}") : QStringLiteral("{NL}")));
    }

    QStringList body;
    if (type == QStringLiteral("admission")) {
        body = {
            QStringLiteral("入院记录{NL}患者{P}{,}{SEX}{,}{AGE}{,}因“发现左乳肿物{N}月”于{ADATE}入院{.}"),
            QStringLiteral("{P}{,}{SEX}{,}{AGE}{,}已婚{,}职业：教师{.}{NL}"),
            QStringLiteral(
                "现病史{:}患者{PAST}无意中发现左乳肿块{,}于{H2}行穿刺活检{,}病理示浸润性导管癌{.}"),
            QStringLiteral("为求进一步诊治来我院{,}门诊拟“左乳癌”收住{DEP}{.}{CLIN}{.}"),
            QStringLiteral("既往史{:}{NEG}{,}否认糖尿病史{.}{NEG}{.}"),
            QStringLiteral("个人史{:}出生于{ADDR}{,}久居本地{.}"),
            QStringLiteral("家族史{:}其母亲有乳腺癌病史{.}{NEG}{.}"),
            QStringLiteral("病史陈述者{:}患者本人及{REL}{R}{,}可靠{.}"),
            QStringLiteral("查体{:}{CLIN}{.}{CLIN}{.}"),
            QStringLiteral("家庭住址{:}{ADDR}{NL}联系人{:}{R}（{REL}）{GAP}电话{:}{MOB}"),
            QStringLiteral("{NL}记录医师{:}{D1}{GAP}{DT}"),
            QStringLiteral("{NL}上级医师{:}{D2}"),
        };
    } else if (type == QStringLiteral("progress")) {
        body = {
            QStringLiteral("{DT}{GAP}首次病程记录{NL}"),
            QStringLiteral("患者{P}{,}{SEX}{,}{AGE}{,}{CLIN}{.}"),
            QStringLiteral("{DATE}{GAP}{D2}主任医师查房记录{NL}{DS}主任查房后指出{:}{CLIN}{,}{NEG}{.}"),
            QStringLiteral("今日{D1}医师查看患者{,}{CLIN}{.}"),
            QStringLiteral("{DT}{GAP}日常病程{NL}患者今日行第{N}次放疗{,}{NEG}{,}{CLIN}{.}"),
            QStringLiteral("与患者{REL}{R}沟通病情{,}其表示理解{.}"),
            QStringLiteral("请{DEP2}会诊{,}{DS}医生会诊后建议{:}{CLIN}{.}"),
            QStringLiteral("{NL}医师签名{:}{D1}"),
            QStringLiteral("{NL}{D3}/{D1}"),
        };
        body.removeLast(); // a bare signature pair has no cue: it is not a fair test
    } else if (type == QStringLiteral("discharge")) {
        body = {
            QStringLiteral("出院记录{NL}入院日期{:}{ADATE}{GAP}出院日期{:}{DATE}{NL}"),
            QStringLiteral("入院情况{:}患者{P}因“左乳癌新辅助治疗”入院{.}{CLIN}{.}"),
            QStringLiteral("诊疗经过{:}入院后完善相关检查{,}{NEG}{,}于{DATE}开始帕博利珠单抗联合化疗{,}{DATE}"
                           "起行区域放疗{.}"),
            QStringLiteral("出院诊断{:}左乳浸润性导管癌 cT2N1M0 Ⅱb期{.}{NEG}{.}"),
            QStringLiteral("出院医嘱{:}{CLIN}{,}请于{ANYDATE}至{DEP2}门诊复诊{.}"),
            QStringLiteral("如有不适{,}请拨打科室电话{TEL}{.}"),
            QStringLiteral("{NL}主治医师{:}{D1}{GAP}住院医师{:}{D2}"),
            QStringLiteral("{NL}{H}{DEP}{GAP}{DATE}"),
        };
    } else if (type == QStringLiteral("pathology")) {
        body = {
            QStringLiteral("病理诊断报告{NL}病理号{:}{ACC}{GAP}送检医院{:}{H}{GAP}送检科室{:}{DEP}{NL}"),
            QStringLiteral("送检医师{:}{D1}{GAP}收到日期{:}{DATE}{NL}"),
            QStringLiteral("肉眼所见{:}（左乳）穿刺组织3条{,}长0.8-1.5cm{.}{NEG}{.}"),
            QStringLiteral("病理诊断{:}{CLIN}{.}{NEG}{.}"),
            QStringLiteral("免疫组化{:}{NEG}{,}{NEG}{.}"),
            QStringLiteral("{NL}报告医师{:}{D2}{GAP}审核医师{:}{D3}{GAP}报告日期{:}{DT}"),
        };
    } else if (type == QStringLiteral("imaging")) {
        body = {
            QStringLiteral("影像检查报告{NL}检查号{:}{ACC}{GAP}影像号{:}{ACC}{NL}"),
            QStringLiteral("检查日期{:}{DT}{GAP}申请科室{:}{DEP}{NL}"),
            QStringLiteral("检查所见{:}{CLIN}{.}{NEG}{.}"),
            QStringLiteral("诊断意见{:}{CLIN}{.}较{PAST}片比较{,}病灶缩小{.}"),
            QStringLiteral("{NL}报告医师{:}{D1}{GAP}审核者{:}{D2}"),
        };
    } else if (type == QStringLiteral("consent")) {
        body = {
            QStringLiteral("放射治疗知情同意书{NL}患者姓名{:}{P}{GAP}身份证号码{:}{ID}{NL}"),
            QStringLiteral("拟行治疗{:}左乳癌术前放疗联合免疫治疗{.}{NEG}{.}{NL}"),
            QStringLiteral("患者签名{:}{P}{GAP}日期{:}{DATE}{NL}"),
            QStringLiteral("被委托人{:}{R}{GAP}与患者关系{:}{REL}{GAP}联系电话{:}{MOB}{NL}"),
            QStringLiteral("家庭地址{:}{ADDR}{NL}"),
            QStringLiteral("电子邮箱{:}{MAIL}{NL}"),
            QStringLiteral("费用结算银行卡{:}{CARD}{NL}"),
            QStringLiteral("谈话医师{:}{D1}{GAP}见证人{:}{X}{GAP}{DT}{NL}"),
        };
    } else if (type == QStringLiteral("radiotherapy")) {
        body = {
            QStringLiteral("放疗计划单{NL}放疗号{:}{MRN}{GAP}主管医生{:}{D1}{NL}"),
            QStringLiteral("物理师{:}{X}{GAP}剂量师{:}{X}{NL}"),
            QStringLiteral("定位日期{:}{DATE}{GAP}计划批准{:}{D2}{NL}"),
            QStringLiteral("{CLIN}{.}{NEG}{.}{NEG}{.}"),
            QStringLiteral("放疗开始于{DATE}{,}预计{ANYDATE}结束{.}"),
        };
    } else if (type == QStringLiteral("infusion")) {
        body = {
            QStringLiteral("免疫治疗输注记录{NL}{DT}{GAP}{NEG}{NL}"),
            QStringLiteral("核对患者{P}（住院号{MRN}）身份无误{.}"),
            QStringLiteral("输注护士{:}{NU}{GAP}核对护士{:}{X}{NL}"),
            QStringLiteral("{CLIN}{.}{NEG}{.}"),
            QStringLiteral("下次治疗时间{:}{ANYDATE}{.}"),
        };
    } else {
        body = {
            QStringLiteral("随访记录{NL}{DT}电话随访{,}患者{P}本人接听（{MOB}）{.}"),
            QStringLiteral("{PS}女士诉{:}{CLIN}{.}{NEG}{.}"),
            QStringLiteral("患者{REL}{R}代诉{:}{CLIN}{.}"),
            QStringLiteral("嘱其于{ANYDATE}返院复查{,}门诊号{MRN}{.}"),
            QStringLiteral("随访人{:}{NU}{GAP}{H}{DEP}{NL}"),
            QStringLiteral("患者现住{ADDR}{,}备用电话{TEL}{.}"),
        };
    }
    // A random run of the type's sections (at least three, in their order), padded with clinical text.
    const int count = std::min<int>(int(body.size()), 3 + b.pick(int(body.size())));
    const int first = b.pick(int(body.size()) - count + 1);
    for (int i = first; i < first + count; ++i) {
        emit(body.at(i));
        if (b.chance(30))
            emit(QStringLiteral("{CLIN}{.}"));
        if (b.chance(20))
            emit(QStringLiteral("{NEG}{.}"));
        if (b.chance(15))
            emit(QStringLiteral("{NL}"));
    }
    // Sometimes a contact or signature block at the end.
    if (b.chance(25))
        emit(QStringLiteral("{NL}紧急联系人{:}{R}{GAP}手机{:}{MOB}{GAP}座机{:}{TEL}"));
    if (b.chance(10))
        emit(QStringLiteral("{NL}{PS}先生/女士{,}邮箱{MAIL}"));
    return b.take();
}

} // namespace

SyntheticNoteGenerator::SyntheticNoteGenerator(quint32 seed)
    : m_rng(seed)
{}

SyntheticNote SyntheticNoteGenerator::next()
{
    NoteWriter writer(m_rng);
    return writer.write();
}

QList<SyntheticNote> SyntheticNoteGenerator::notes(int count)
{
    QList<SyntheticNote> out;
    out.reserve(count);
    for (int i = 0; i < count; ++i)
        out.append(next());
    return out;
}

} // namespace mdp::deid::testing
