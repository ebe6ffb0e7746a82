#include "SyntheticPopulation.h"

#include "mdp/cohort/CohortRandom.h"

#include <QList>

namespace mdp::cohort {

namespace {

// Common Chinese surnames, roughly by frequency (the first ones are drawn more often).
const QString kSurnames = QStringLiteral(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤");

// Characters frequent in women's given names.
const QString kGivenCharacters = QStringLiteral(
    "秀英华丽敏静燕芳娟霞玲桂兰红梅琳婷雪慧琴云洁颖倩萍莉丹晶艳娜凤蓉荣玉珍佳欣怡悦蕾璐瑶露婧雯"
    "嘉琪晓雅思梦婉宁柳岚茜菲冰月春秋素淑惠翠莹薇");

const QList<Region> &regions()
{
    static const QList<Region> list{
        {QStringLiteral("510104"), QStringLiteral("四川省成都市锦江区")},
        {QStringLiteral("510105"), QStringLiteral("四川省成都市青羊区")},
        {QStringLiteral("510106"), QStringLiteral("四川省成都市金牛区")},
        {QStringLiteral("510107"), QStringLiteral("四川省成都市武侯区")},
        {QStringLiteral("510108"), QStringLiteral("四川省成都市成华区")},
        {QStringLiteral("510112"), QStringLiteral("四川省成都市龙泉驿区")},
        {QStringLiteral("510116"), QStringLiteral("四川省成都市双流区")},
        {QStringLiteral("510124"), QStringLiteral("四川省成都市郫都区")},
        {QStringLiteral("510302"), QStringLiteral("四川省自贡市自流井区")},
        {QStringLiteral("510502"), QStringLiteral("四川省泸州市江阳区")},
        {QStringLiteral("510603"), QStringLiteral("四川省德阳市旌阳区")},
        {QStringLiteral("510703"), QStringLiteral("四川省绵阳市涪城区")},
        {QStringLiteral("511002"), QStringLiteral("四川省内江市市中区")},
        {QStringLiteral("511102"), QStringLiteral("四川省乐山市市中区")},
        {QStringLiteral("511302"), QStringLiteral("四川省南充市顺庆区")},
        {QStringLiteral("511402"), QStringLiteral("四川省眉山市东坡区")},
        {QStringLiteral("511502"), QStringLiteral("四川省宜宾市翠屏区")},
        {QStringLiteral("511602"), QStringLiteral("四川省广安市广安区")},
        {QStringLiteral("511702"), QStringLiteral("四川省达州市通川区")},
        {QStringLiteral("511802"), QStringLiteral("四川省雅安市雨城区")},
        {QStringLiteral("513401"), QStringLiteral("四川省凉山彝族自治州西昌市")},
        {QStringLiteral("500103"), QStringLiteral("重庆市渝中区")},
        {QStringLiteral("500106"), QStringLiteral("重庆市沙坪坝区")},
        {QStringLiteral("520102"), QStringLiteral("贵州省贵阳市南明区")},
        {QStringLiteral("530102"), QStringLiteral("云南省昆明市五华区")},
        {QStringLiteral("540102"), QStringLiteral("西藏自治区拉萨市城关区")},
        {QStringLiteral("610113"), QStringLiteral("陕西省西安市雁塔区")},
        {QStringLiteral("620102"), QStringLiteral("甘肃省兰州市城关区")},
        {QStringLiteral("630104"), QStringLiteral("青海省西宁市城西区")},
        {QStringLiteral("420106"), QStringLiteral("湖北省武汉市武昌区")},
        {QStringLiteral("110105"), QStringLiteral("北京市朝阳区")},
        {QStringLiteral("310104"), QStringLiteral("上海市徐汇区")},
        {QStringLiteral("440106"), QStringLiteral("广东省广州市天河区")},
    };
    return list;
}

// Index skewed towards the start of a frequency-ordered list.
int skewed(CohortRandom &random, int size)
{
    const double r = random.real();
    return std::min(size - 1, int(double(size) * r * r));
}

} // namespace

QString SyntheticPopulation::surname(CohortRandom &random)
{
    return kSurnames.at(skewed(random, int(kSurnames.size())));
}

QString SyntheticPopulation::givenName(CohortRandom &random)
{
    const int n = int(kGivenCharacters.size());
    QString given = kGivenCharacters.at(random.uniform(0, n - 1));
    if (random.chance(0.75)) {
        QChar second = kGivenCharacters.at(random.uniform(0, n - 1));
        if (random.chance(0.08))
            second = given.at(0); // reduplicated names (婷婷, 丽丽) are common
        given += second;
    }
    return given;
}

const Region &SyntheticPopulation::region(CohortRandom &random)
{
    const QList<Region> &list = regions();
    // About two thirds from Sichuan, the rest from the other provinces a regional centre serves.
    const int sichuan = 21;
    if (random.chance(0.68))
        return list.at(random.uniform(0, sichuan - 1));
    return list.at(random.uniform(sichuan, int(list.size()) - 1));
}

QString SyntheticPopulation::staffName(CohortRandom &random)
{
    return surname(random) + kGivenCharacters.at(random.uniform(0, int(kGivenCharacters.size()) - 1));
}

} // namespace mdp::cohort
