/// The HTML digest's templates, in the part of Mustache `PageTemplate` reads. Every value
/// from bulletins goes through `{{name}}`, which escapes `& < > " '` — in text and in quoted
/// attributes alike — and `PageTemplate` has no unescaped tag (`{{{…}}}` does not parse). The
/// pages carry a Content-Security-Policy that forbids scripts and any fetch, so a page
/// opens offline, from a file share or in a mail client, and nothing a bulletin says can run.
enum DigestTemplates {
    /// Shared by every page: light and dark colours by `prefers-color-scheme`, a single
    /// readable column on a phone, and a print layout without navigation.
    static let style = """
    :root{color-scheme:light dark;--bg:#fdfcfa;--fg:#1d232b;--muted:#5b6570;--rule:#dde1e6;--card:#ffffff;\
    --accent:#1f5fae;--bar:#4d7fc4;--mean:#1d232b;--new:#0f7b4a;--rise:#b4321d;--spark:#4d7fc4}
    @media (prefers-color-scheme:dark){:root{--bg:#14171c;--fg:#e6e9ee;--muted:#9aa5b1;--rule:#2c333c;\
    --card:#1b2027;--accent:#8cb8ff;--bar:#6f9ee8;--mean:#f4f6f8;--new:#5fd49a;--rise:#ff8a75;--spark:#8cb8ff}}
    *{box-sizing:border-box}
    body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",\
    Roboto,"Noto Sans",sans-serif}
    .page{max-width:46rem;margin:0 auto;padding:1rem 1rem 3rem}
    nav{font-size:.9rem;display:flex;gap:1rem;flex-wrap:wrap;border-bottom:1px solid var(--rule);padding-bottom:.5rem}
    a{color:var(--accent)}
    h1{font-size:1.6rem;line-height:1.2;margin:1rem 0 .25rem}
    h2{font-size:1.25rem;margin:2rem 0 .5rem;padding-top:.5rem;border-top:1px solid var(--rule)}
    h3{font-size:1rem;margin:0;display:inline}
    .counts{font-size:1.1rem;font-weight:600;margin:.25rem 0}
    .since{margin:.25rem 0;padding:.5rem .75rem;background:var(--card);border-left:4px solid var(--accent)}
    .muted,.generated,.meta,.num{color:var(--muted)}
    .generated{font-size:.85rem}
    .meta{font-size:.85rem;margin:.15rem 0 0}
    .num{font-weight:400;font-size:.9rem}
    figure{margin:1rem 0}
    figcaption{font-size:.85rem;color:var(--muted)}
    svg.chart{width:100%;max-width:30rem;height:auto;display:block}
    svg text{fill:var(--fg);font:12px system-ui,sans-serif}
    svg .value{fill:var(--muted)}
    svg .bar rect{fill:var(--bar)}
    svg .bar.rising rect{fill:var(--rise)}
    svg .bar.new rect{fill:var(--new)}
    svg .mean{stroke:var(--mean);stroke-width:3}
    svg.spark{width:7.5rem;height:1.5rem;vertical-align:middle}
    svg.spark polyline{fill:none;stroke:var(--spark);stroke-width:1.5}
    svg.spark circle{fill:var(--spark)}
    .legend-mean{display:inline-block;width:3px;height:.9em;background:var(--mean);vertical-align:middle}
    .legend-bar{display:inline-block;width:.8em;height:.8em;border-radius:2px;vertical-align:middle;background:var(--bar)}
    .legend-bar.rising{background:var(--rise)}.legend-bar.new{background:var(--new)}
    table{border-collapse:collapse;width:100%;font-size:.9rem}
    th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid var(--rule);vertical-align:middle}
    td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
    .tag{font-size:.75rem;font-weight:600;padding:0 .35rem;border-radius:.6rem;white-space:nowrap}
    .tag.rising{color:var(--rise);border:1px solid var(--rise)}
    .tag.new{color:var(--new);border:1px solid var(--new)}
    .table-wrap{overflow-x:auto}
    ol.entries,ol.stories{padding-left:1.2rem}
    ol.entries li,ol.stories li{margin:0 0 .9rem}
    li p{margin:.15rem 0}
    .id{font-size:.8rem;color:var(--muted);font-variant-numeric:tabular-nums}
    .why{font-style:italic}
    code{font-size:.85em}
    @media (max-width:30rem){body{font-size:15px}.page{padding:.75rem}svg.spark{width:3.5rem}th,td{padding:.3rem .25rem}}
    @media print{nav{display:none}body{background:#fff;color:#000;font-size:11pt}.page{max-width:none;padding:0}\
    a{color:#000}h2{break-after:avoid}li,figure,tr{break-inside:avoid}.since{border-left-color:#000}}
    """

    /// `<head>`: title, viewport, colour schemes, the policy and the style.
    static let head = """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light dark">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
    <meta name="generator" content="bulletind">
    <title>{{pageTitle}}</title>
    <style>
    \(style)
    </style>
    </head>
    """

    /// The bar chart of today's topics with the mean marked, and its text equivalent: a table
    /// with every number of the chart and each topic's 30-day sparkline.
    static let topics = """
    {{#hasTopics}}
    <section aria-labelledby="topics-heading">
    <h2 id="topics-heading">{{topicsHeading}}</h2>
    <figure>
    <svg class="chart" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 {{chartWidth}} {{chartHeight}}" xmlns="http://www.w3.org/2000/svg">
    <title id="chart-title">Articles per topic{{#window}}, with the {{window}}-day mean marked{{/window}}</title>
    <desc id="chart-desc">{{chartDescription}}</desc>
    {{#bars}}
    <g class="bar{{#rising}} rising{{/rising}}{{#new}} new{{/new}}" data-topic="{{id}}" data-count="{{articles}}">
    <text x="0" y="{{labelY}}">{{name}}</text>
    <rect x="0" y="{{barY}}" width="{{width}}" height="{{barHeight}}" rx="2"></rect>
    <text class="value" x="{{valueX}}" y="{{valueY}}">{{articles}}</text>
    {{#meanX}}<line class="mean" x1="{{meanX}}" x2="{{meanX}}" y1="{{meanY1}}" y2="{{meanY2}}"></line>{{/meanX}}
    </g>
    {{/bars}}
    </svg>
    <figcaption>Bars: {{unitLabel}} (<span class="legend-bar rising"></span> rising, <span class="legend-bar new"></span> new){{#window}}; <span class="legend-mean"></span> the {{window}}-day mean (days with data){{/window}}{{#weeksLabel}}; <span class="legend-mean"></span> the mean of {{weeksLabel}}{{/weeksLabel}}. The table below has the same numbers.</figcaption>
    </figure>
    <div class="table-wrap">
    <table>
    <caption class="muted">{{tableCaption}}</caption>
    <thead><tr><th scope="col">Topic</th><th scope="col" class="n">{{countHeading}}</th>{{#window}}<th scope="col" class="n">{{window}}-day mean</th>{{/window}}<th scope="col">Trend</th><th scope="col" class="spark">{{sparkHeading}}</th></tr></thead>
    <tbody>
    {{#rows}}
    <tr><th scope="row">{{#anchor}}<a href="#{{anchor}}">{{name}}</a>{{/anchor}}{{^anchor}}{{name}}{{/anchor}}{{#listedUnder}}<div class="meta">listed under {{listedUnder}}</div>{{/listedUnder}}</th>
    <td class="n">{{articles}}</td>{{#window}}<td class="n">{{mean}}</td>{{/window}}
    <td>{{#new}}<span class="tag new">new</span>{{/new}}{{#rising}}<span class="tag rising">rising</span>{{/rising}}</td>
    <td class="spark"><svg class="spark" viewBox="-2 -2 {{sparkWidth}} {{sparkHeight}}" role="img" aria-label="{{sparkLabel}}" xmlns="http://www.w3.org/2000/svg"><polyline points="{{points}}"></polyline><circle cx="{{lastX}}" cy="{{lastY}}" r="2"></circle></svg></td></tr>
    {{/rows}}
    </tbody>
    </table>
    </div>
    </section>
    {{/hasTopics}}
    """

    /// "Top stories", only when there are any.
    static let stories = """
    {{#hasStories}}
    <section aria-labelledby="stories-heading">
    <h2 id="stories-heading">Top stories</h2>
    <ol class="stories">
    {{#stories}}
    <li><h3>{{title}}</h3> <span class="id">#{{articleID}}</span>
    {{#lede}}<p>{{lede}}</p>{{/lede}}
    <p class="meta">{{coverage}}{{#continuing}} · continuing since {{continuing}}{{/continuing}}</p></li>
    {{/stories}}
    </ol>
    </section>
    {{/hasStories}}
    """

    static let day = """
    \(head)
    <body>
    <div class="page">
    <nav aria-label="Summaries"><a href="index.html">All summaries</a>{{#previousDay}}<a rel="prev" href="{{previousDay}}.html">← {{previousDay}}</a>{{/previousDay}}{{#nextDay}}<a rel="next" href="{{nextDay}}.html">{{nextDay}} →</a>{{/nextDay}}</nav>
    <header>
    <h1>Bulletin summary — {{date}}</h1>
    <p class="counts">{{countsLine}}</p>
    {{#since}}<p class="since">{{since}}</p>{{/since}}
    <p class="generated">Generated {{generatedAt}} ({{timeZone}})</p>
    </header>
    <main>
    {{#empty}}<p>{{empty}}</p>{{/empty}}
    \(topics)
    \(stories)
    {{#sections}}
    <section aria-labelledby="{{anchor}}-heading" id="{{anchor}}">
    <h2 id="{{anchor}}-heading">{{name}} <span class="num">({{count}})</span></h2>
    <ol class="entries">
    {{#entries}}
    <li><h3>{{title}}</h3> <span class="id">#{{articleID}}</span>
    {{#lede}}<p>{{lede}}</p>{{/lede}}
    {{#why}}<p class="why">Why it matters: {{why}}</p>{{/why}}
    {{#meta}}<p class="meta">{{meta}}</p>{{/meta}}</li>
    {{/entries}}
    </ol>
    {{#more}}<p class="muted">… and {{more}} more ({{moreHint}}).</p>{{/more}}
    </section>
    {{/sections}}
    </main>
    </div>
    </body>
    </html>

    """

    static let week = """
    \(head)
    <body>
    <div class="page">
    <nav aria-label="Summaries"><a href="index.html">All summaries</a>{{#days}}{{#linked}}<a href="{{date}}.html">{{label}}</a>{{/linked}}{{/days}}</nav>
    <header>
    <h1>Week {{week}} <span class="num">({{range}})</span></h1>
    <p class="counts">{{countsLine}}</p>
    {{#since}}<p class="since">{{since}}</p>{{/since}}
    <p class="generated">Generated {{generatedAt}} ({{timeZone}})</p>
    </header>
    <main>
    {{#empty}}<p>{{empty}}</p>{{/empty}}
    \(topics)
    {{#hasDaily}}
    <section aria-labelledby="daily-heading">
    <h2 id="daily-heading">Topics day by day</h2>
    <div class="table-wrap">
    <table>
    <thead><tr><th scope="col">Topic</th>{{#days}}<th scope="col" class="n">{{label}}</th>{{/days}}<th scope="col" class="n">Week</th></tr></thead>
    <tbody>
    {{#daily}}<tr><th scope="row">{{name}}</th>{{#counts}}<td class="n">{{.}}</td>{{/counts}}<td class="n">{{total}}</td></tr>
    {{/daily}}
    </tbody>
    </table>
    </div>
    </section>
    {{/hasDaily}}
    \(stories)
    </main>
    </div>
    </body>
    </html>

    """

    static let index = """
    \(head)
    <body>
    <div class="page">
    <header>
    <h1>Bulletin summaries</h1>
    <p class="generated">Updated {{generatedAt}} ({{timeZone}})</p>
    </header>
    <main>
    {{#hasWeeks}}
    <section aria-labelledby="weeks-heading">
    <h2 id="weeks-heading">Weeks</h2>
    <div class="table-wrap"><table>
    <thead><tr><th scope="col">Week</th><th scope="col" class="n">Articles</th><th scope="col">Top topics</th></tr></thead>
    <tbody>
    {{#weeks}}<tr><th scope="row"><a href="{{file}}">{{label}}</a></th><td class="n">{{articles}}</td><td>{{topTopics}}</td></tr>
    {{/weeks}}
    </tbody>
    </table></div>
    </section>
    {{/hasWeeks}}
    <section aria-labelledby="days-heading">
    <h2 id="days-heading">Days</h2>
    {{^hasDays}}<p>No summary has been written yet.</p>{{/hasDays}}
    {{#hasDays}}
    <div class="table-wrap"><table>
    <thead><tr><th scope="col">Day</th><th scope="col" class="n">Bulletins</th><th scope="col" class="n">Articles</th><th scope="col">Top topics</th></tr></thead>
    <tbody>
    {{#days}}<tr><th scope="row"><a href="{{file}}">{{label}}</a></th><td class="n">{{bulletins}}</td><td class="n">{{articles}}</td><td>{{topTopics}}</td></tr>
    {{/days}}
    </tbody>
    </table></div>
    {{/hasDays}}
    </section>
    </main>
    </div>
    </body>
    </html>

    """

    /// The three pages, parsed once.
    static let dayPage = parsed(day, named: "day")
    static let weekPage = parsed(week, named: "week")
    static let indexPage = parsed(index, named: "index")

    private static func parsed(_ text: String, named name: String) -> PageTemplate {
        do {
            return try PageTemplate(text)
        } catch {
            // The templates are constants of this file: a test renders each of them.
            preconditionFailure("the \(name) template does not parse: \(error)")
        }
    }
}
