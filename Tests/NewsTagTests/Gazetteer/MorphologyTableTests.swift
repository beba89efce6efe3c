import NewsTag
import Testing

/// The 72-row test table of §5.9 of the morphology notes: a gazetteer entry,
/// its kind and options, a text form, and whether the form must match.
@Suite struct MorphologyTableTests {
  struct Row: CustomTestStringConvertible, Sendable {
    var number: Int
    var entry: String
    var kind: String
    var sentenceInitial = false
    var lowercaseOK = false
    var form: String
    var matches: Bool

    var testDescription: String {
      "#\(number) \(entry) [\(kind)] ~ \(form): \(matches ? "yes" : "no")"
    }
  }

  /// The prototype's common-word guard list (it decides row 56).
  static let commonWords: Set<String> = ["мир", "вяра", "надежда", "днес", "сочи", "труд", "съюз"]

  static let rows: [Row] = [
    Row(number: 1, entry: "Европейски съюз", kind: "org", form: "Европейския съюз", matches: true),
    Row(number: 2, entry: "Европейски съюз", kind: "org", form: "Европейският съюз", matches: true),
    Row(number: 3, entry: "Съединени щати", kind: "loc", form: "Съединените щати", matches: true),
    Row(number: 4, entry: "Конгрес на САЩ", kind: "org", form: "Конгресът на САЩ", matches: true),
    Row(number: 5, entry: "Конгрес на САЩ", kind: "org", form: "Конгреса на САЩ", matches: true),
    Row(number: 6, entry: "Руска федерация", kind: "loc", form: "Руската федерация", matches: true),
    Row(number: 7, entry: "Кремъл", kind: "org", form: "Кремъла", matches: true),
    Row(number: 8, entry: "Кремъл", kind: "org", form: "Кремълът", matches: true),
    Row(
      number: 9, entry: "Обединено кралство", kind: "loc", form: "Обединеното кралство",
      matches: true),
    Row(
      number: 10, entry: "Европейска комисия", kind: "org", form: "Европейската комисия",
      matches: true),
    Row(
      number: 11, entry: "Върховен съд на Пакистан", kind: "org", form: "Върховния съд на Пакистан",
      matches: true),
    Row(
      number: 12, entry: "Върховен съд на Пакистан", kind: "org",
      form: "Върховният съд на Пакистан",
      matches: true),
    Row(number: 13, entry: "Бял дом", kind: "loc", form: "Белия дом", matches: true),
    Row(number: 14, entry: "Бял дом", kind: "loc", form: "Белият дом", matches: true),
    Row(
      number: 15, entry: "Камара на общините", kind: "org", form: "Камарата на общините",
      matches: true),
    Row(number: 16, entry: "Брекзит", kind: "evt", form: "Брекзита", matches: true),
    Row(number: 17, entry: "Брекзит", kind: "evt", form: "Брекзитът", matches: true),
    Row(number: 18, entry: "Съд на ЕС", kind: "org", form: "Съда на ЕС", matches: true),
    Row(
      number: 19, entry: "Музей на Брекзит", kind: "loc", form: "Музея на Брекзит", matches: true),
    Row(
      number: 20, entry: "Световна търговска организация", kind: "org",
      form: "Световната търговска организация", matches: true),
    Row(
      number: 21, entry: "Западни Балкани", kind: "loc", form: "Западните Балкани", matches: true),
    Row(
      number: 22, entry: "Британо-българска бизнес организация", kind: "org",
      form: "Британо-българската бизнес организация", matches: true),
    Row(
      number: 23, entry: "Народно събрание", kind: "org", form: "Народното събрание", matches: true),
    Row(
      number: 24, entry: "Втора световна война", kind: "evt", form: "Втората световна война",
      matches: true),
    Row(
      number: 25, entry: "Северен поток 2", kind: "pro", form: "„Северен поток 2“", matches: true),
    Row(number: 26, entry: "Северен поток 2", kind: "pro", form: "Северен поток-2", matches: true),
    Row(number: 27, entry: "Северен поток", kind: "pro", form: "Северния поток", matches: true),
    Row(
      number: 28, entry: "британци", kind: "group", sentenceInitial: true, form: "Британците",
      matches: true),
    Row(number: 29, entry: "Еврокомисия", kind: "org", form: "Еврокомисията", matches: true),
    Row(
      number: 30, entry: "Средиземноморие", kind: "loc", form: "Средиземноморието", matches: true),
    Row(
      number: 31, entry: "Министерство на външните работи", kind: "org",
      form: "Министерството на външните работи", matches: true),
    Row(number: 32, entry: "Лондонско Сити", kind: "loc", form: "Лондонското Сити", matches: true),
    Row(number: 33, entry: "Запад", kind: "loc", form: "Западът", matches: true),
    Row(number: 34, entry: "Ватикан", kind: "loc", form: "Ватикана", matches: true),
    Row(number: 35, entry: "Тереза Мей", kind: "person", form: "ТЕРЕЗА МЕЙ", matches: true),
    Row(number: 36, entry: "Пакистан", kind: "loc", form: "ПАКИСТАН", matches: true),
    Row(number: 37, entry: "БДЖ", kind: "org", form: "БДЖ-то", matches: true),
    Row(number: 38, entry: "Жан-Клод Юнкер", kind: "person", form: "Жан Клод Юнкер", matches: true),
    Row(
      number: 39, entry: "Мей", kind: "person", sentenceInitial: true, form: "Мей", matches: true),
    Row(number: 40, entry: "Северен поток", kind: "pro", form: "Север\u{65}н поток", matches: true),
    Row(number: 41, entry: "Свят отец", kind: "title", form: "Светия отец", matches: true),
    Row(
      number: 42, entry: "Брекзит", kind: "evt", lowercaseOK: true, form: "брекзита", matches: true),
    Row(number: 43, entry: "Радев", kind: "person", form: "Радева", matches: false),
    Row(number: 44, entry: "Радева", kind: "person", form: "Радев", matches: false),
    Row(number: 45, entry: "Радев", kind: "person", form: "Радеви", matches: false),
    Row(number: 46, entry: "Зеленски", kind: "person", form: "Зеленска", matches: false),
    Row(number: 47, entry: "Зеленски", kind: "person", form: "Зеленския", matches: false),
    Row(number: 48, entry: "Доналд Туск", kind: "person", form: "Доналд Туска", matches: false),
    Row(number: 49, entry: "ЕС", kind: "org", form: "ес", matches: false),
    Row(number: 50, entry: "САЩ", kind: "loc", form: "сащ", matches: false),
    Row(number: 51, entry: "СТО", kind: "org", form: "сто", matches: false),
    Row(number: 52, entry: "Мей", kind: "person", form: "май", matches: false),
    Row(number: 53, entry: "Мей", kind: "person", form: "Май", matches: false),
    Row(number: 54, entry: "Мир", kind: "org", form: "мир", matches: false),
    Row(number: 55, entry: "Мир", kind: "org", form: "Мира", matches: false),
    Row(number: 56, entry: "Мир", kind: "org", sentenceInitial: true, form: "Мир", matches: false),
    Row(number: 57, entry: "Вяра", kind: "person", form: "вяра", matches: false),
    Row(number: 58, entry: "Вяра", kind: "person", form: "Вярата", matches: false),
    Row(number: 59, entry: "Надежда", kind: "person", form: "Надеждата", matches: false),
    Row(number: 60, entry: "Рим", kind: "loc", form: "Рима", matches: false),
    Row(
      number: 61, entry: "Европейски съюз", kind: "org", form: "Европейски съюза", matches: false),
    Row(
      number: 62, entry: "Европейски съюз", kind: "org", form: "Европейския съюза", matches: false),
    Row(
      number: 63, entry: "Световна търговска организация", kind: "org",
      form: "Световна търговската организация", matches: false),
    Row(
      number: 64, entry: "Европейски съвет", kind: "org", form: "Европейския съюз", matches: false),
    Row(number: 65, entry: "Кремъл", kind: "org", form: "Кремля", matches: false),
    Row(number: 66, entry: "Тойота", kind: "org", form: "Той", matches: false),
    Row(number: 67, entry: "Сочи", kind: "loc", form: "сочи", matches: false),
    Row(number: 68, entry: "Днес+", kind: "org", form: "Днес", matches: false),
    Row(number: 69, entry: "Брекзит", kind: "evt", form: "брекзита", matches: false),
    Row(number: 70, entry: "Брекзит", kind: "evt", form: "Брекзити", matches: false),
    Row(number: 71, entry: "Асия Биби", kind: "person", form: "Ася Биби", matches: false),
    Row(
      number: 72, entry: "Европейски парламент", kind: "org", form: "Европарламентът",
      matches: false),
  ]

  @Test func tableHasAllRows() {
    #expect(Self.rows.map(\.number) == Array(1...72))
  }

  @Test(arguments: rows)
  func row(_ row: Row) throws {
    let label: String
    let inflection: GazetteerEntry.Inflection
    switch row.kind {
    case "person": (label, inflection) = ("PERSON", .person)
    case "org": (label, inflection) = ("ORGANIZATION", .inflect)
    case "loc": (label, inflection) = ("LOCATION", .inflect)
    case "evt": (label, inflection) = ("EVENT", .inflect)
    case "pro": (label, inflection) = ("PRODUCT", .inflect)
    case "group": (label, inflection) = ("GROUP", .inflect)
    case "title": (label, inflection) = ("TITLE", .inflect)
    default: throw TableError.unknownKind(row.kind)
    }
    var flags: GazetteerEntry.Flags = []
    if row.lowercaseOK { flags.insert(.lowercaseOK) }
    if Self.commonWords.contains(row.entry.lowercased()) { flags.insert(.commonWord) }
    let entry = GazetteerEntry(
      id: "test/entry", label: label, name: row.entry, inflection: inflection, flags: flags)
    let gazetteer = CompiledGazetteer([entry])
    #expect(gazetteer.diagnostics.isEmpty)

    // The form opens a sentence, or stands in the middle of one.
    let prefix = row.sentenceInitial ? "" : "Вчера и "
    let text = prefix + row.form + " говори тук."
    var document = Document(id: "row-\(row.number)", text: text)
    try Pipeline([Normalizer(), Tokenizer(), EntityMatcher(gazetteer: gazetteer)]).process(
      &document)

    let found = document.mentions.map { mention in
      String(decoding: Array(text.utf8)[mention.start..<mention.end], as: UTF8.self)
    }
    if row.matches {
      let expected = row.form.strippingQuotes()
      #expect(found == [expected])
    } else {
      #expect(found.isEmpty)
    }
  }

  enum TableError: Error { case unknownKind(String) }
}

extension String {
  func strippingQuotes() -> String {
    let set: Set<Character> = ["„", "“", "\""]
    var slice = self[...]
    while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
    while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
    return String(slice)
  }
}
