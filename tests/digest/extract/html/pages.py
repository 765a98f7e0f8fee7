"""Small hand-written pages of each type, written like the sites of their kind."""

from __future__ import annotations

_NAV = """<header class="site-header"><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li>
<li><a href="/contact">Contact</a></li><li><a href="/login">Log in</a></li></ul></nav></header>"""
_FOOTER = """<footer class="site-footer"><p>Copyright 2025 Example Company. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy Policy</a></li><li><a href="/terms">Terms of Use</a></li></ul>
<div class="newsletter"><p>Sign up for our newsletter</p><form><input type="email"><button>Subscribe</button></form></div></footer>"""


def _post(number: int, user: str, body: str) -> str:
    return f"""<article class="post message" id="post-{number}" itemscope itemtype="http://schema.org/Comment">
<div class="post-userinfo"><a class="username" href="/u/{user}">{user}</a><span class="user-title">Member</span>
<span class="post-count">Posts: {number * 37}</span></div>
<div class="post-body" itemprop="text"><p>{body}</p></div>
<div class="post-actions"><button class="vote upvote">Like</button><button class="reply">Reply</button><a href="#post-{number}">#{number}</a></div>
</article>"""


FORUM_POSTS = (
    "My espresso machine started leaking water from under the group head after I descaled it last weekend. Has anyone had the same problem with the gasket after descaling?",
    "That sounds like the group head gasket is worn out. Descaling often loosens old limescale that was sealing a worn gasket, so the leak shows up right afterwards.",
    "Agreed with the previous reply. Replace the gasket and the shower screen together, they are cheap and it takes about twenty minutes with a small screwdriver.",
    "Thanks everyone, I ordered a new gasket and shower screen yesterday and fitted them this morning. The leak is gone and the shots taste better too.",
)
FORUM = f"""<html><head><title>Espresso machine leaking after descaling | Coffee Forum</title>
<meta property="og:type" content="website"></head><body>{_NAV}
<main><div class="thread"><h1 class="thread-title">Espresso machine leaking after descaling</h1>
<div class="posts">{"".join(_post(i + 1, user, body) for i, (user, body) in enumerate(zip(("brewmaster", "crema_fan", "tamper42", "brewmaster"), FORUM_POSTS)))}</div>
<div class="pagination"><a href="?page=1">1</a><a href="?page=2">2</a><a href="?page=2">Next</a></div>
<form class="quick-reply"><textarea name="message"></textarea><button>Post reply</button></form></div></main>
{_FOOTER}</body></html>"""

PRODUCT_DESCRIPTION = (
    "The Trailblazer 40 is a lightweight hiking backpack with a ventilated back panel, an adjustable torso length "
    "and a hip belt with two zipped pockets. Its roll-top main compartment keeps your gear dry in heavy rain."
)
PRODUCT = f"""<html><head><title>Trailblazer 40 Hiking Backpack | Outdoor Shop</title>
<meta property="og:type" content="product">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "Product", "name": "Trailblazer 40 Hiking Backpack",
"description": "{PRODUCT_DESCRIPTION}", "offers": {{"@type": "Offer", "price": "129.00", "priceCurrency": "USD"}}}}</script>
</head><body>{_NAV}
<main><div class="product-detail" itemscope itemtype="https://schema.org/Product">
<nav class="breadcrumb"><a href="/">Home</a> / <a href="/bags">Bags</a> / <a href="/bags/hiking">Hiking</a></nav>
<h1 itemprop="name">Trailblazer 40 Hiking Backpack</h1>
<div class="price">$129.00</div>
<form class="add-to-cart"><select name="size"><option>S/M</option><option>L/XL</option></select>
<input type="number" name="qty" value="1"><button class="add-to-cart-button">Add to cart</button></form>
<div class="product-description" itemprop="description"><p>{PRODUCT_DESCRIPTION}</p></div>
<h2>Specifications</h2>
<table class="specs"><tr><th>Volume</th><td>40 litres</td></tr><tr><th>Weight</th><td>1.1 kg</td></tr>
<tr><th>Material</th><td>Recycled ripstop nylon</td></tr></table>
</div></main>{_FOOTER}</body></html>"""

LISTING_ITEMS = (
    ("City council approves the new cycling lanes", "The council voted to build twelve kilometres of protected cycling lanes across the centre by next spring."),
    ("Library extends its opening hours", "From next month the central library opens until nine in the evening on weekdays and all day on Sundays."),
    ("Local bakery wins a national award", "The family bakery on Mill Street took first prize for its sourdough bread at the national baking awards."),
    ("Park restoration project begins", "Work started on restoring the old pond and the walking paths of the town park, paid for by a heritage grant."),
    ("School choir to sing at the festival", "The primary school choir has been invited to open the summer music festival in the market square in June."),
    ("Bridge repairs close the east road", "The east road will be closed for three weeks in July while engineers repair the joints of the old river bridge."),
    ("New bus timetable from September", "Buses on the two town routes will run every fifteen minutes at rush hour under the timetable that starts in September."),
    ("Volunteers plant two hundred trees", "More than eighty volunteers planted two hundred young oaks and limes along the river path on Saturday morning."),
    ("Market hall reopens after renovation", "The covered market hall reopened with new stalls, better lighting and a café after eighteen months of building work."),
)
LISTING = f"""<html><head><title>News | Riverside Town</title></head><body>{_NAV}
<main><h1>Latest news</h1><p>News and announcements from Riverside Town and its council.</p>
<div class="news-list">{"".join(
    f'<div class="news-card"><h3><a href="/news/{i}">{title}</a></h3><time datetime="2025-05-0{i + 1}">May {i + 1}, 2025</time><p>{snippet}</p><a class="read-more" href="/news/{i}">Read more</a></div>'
    for i, (title, snippet) in enumerate(LISTING_ITEMS))}</div>
<div class="pagination"><a href="/news?page=2">Next page</a></div></main>{_FOOTER}</body></html>"""

COLLECTION_ITEMS = tuple(
    (f"{fabric} {cut} Shirt", f"${price}")
    for fabric, price in (("Linen", 59), ("Oxford", 49), ("Flannel", 55), ("Denim", 65), ("Poplin", 45), ("Chambray", 52))
    for cut in ("Slim Fit", "Regular Fit", "Relaxed Long Sleeve")
)
COLLECTION = f"""<html><head><title>Men's Shirts | Thread &amp; Co</title>
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "CollectionPage", "name": "Men's Shirts"}}</script>
</head><body>{_NAV}
<main><h1>Men's Shirts</h1><p class="collection-description">Shirts for work and weekends, woven from organic cotton and linen in our own mills.</p>
<div class="filters"><button>Size</button><button>Colour</button><button>Sort by</button></div>
<ul class="product-grid">{"".join(
    f'<li class="product-card"><a href="/products/{name.lower().replace(" ", "-")}"><img src="/{i}.jpg" alt=""><h3 class="product-card-title">{name}</h3></a><span class="price">{price}</span><button class="add-to-cart">Add to cart</button></li>'
    for i, (name, price) in enumerate(COLLECTION_ITEMS))}</ul></main>{_FOOTER}</body></html>"""

ARTICLE_PARAGRAPHS = (
    "The river authority said on Tuesday that water levels had fallen to their lowest point in thirty years after a dry winter and an unusually warm spring.",
    "Farmers along the lower valley have been asked to cut their irrigation by a fifth until the autumn rains, and boat traffic has been halted on two stretches.",
    "Hydrologists warned that the underground reservoirs that feed the river recover slowly, and that a second dry year would leave several towns short of drinking water.",
    "The authority will publish weekly figures and has opened a consultation on a new plan for sharing water between farms, industry and households.",
)
ARTICLE = f"""<html><head><title>River falls to its lowest level in thirty years - The Valley Times</title>
<meta property="og:type" content="article">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "River falls to its lowest level in thirty years"}}</script>
</head><body>{_NAV}<main><article><h1>River falls to its lowest level in thirty years</h1>
<p class="byline">By Jane Doe, <time datetime="2025-06-03">June 3, 2025</time></p>
{"".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)}</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/a">Drought hits farms</a></li><li><a href="/b">Rain at last?</a></li></ul></aside></main>{_FOOTER}</body></html>"""

_DOCS_SECTIONS = "".join(
    f"""<section id="{name}"><h2>{name.title()}<a class="headerlink" href="#{name}">¶</a></h2>
<p>The <code>{name}</code> option {what}. It can also be given as <code>WIDGETS_{name.upper()}</code> in the environment.</p>
<div class="highlight"><pre><code>[widgets]
{name} = {value}</code></pre></div></section>"""
    for name, what, value in (
        ("renderer", "names the back end that draws widgets, one of the renderers listed by the command line", '"cairo"'),
        ("theme", "is the file of colours and fonts applied to every widget unless a widget overrides it", '"light.toml"'),
        ("log_level", "sets how much the library writes to its log while it renders and caches widgets", '"info"'),
    )
)
DOCS = """<html><head><title>Configuration - Widgetlib 2.3 documentation</title></head><body>
<div class="sphinxsidebar" role="navigation"><h3>Table of contents</h3><ul><li><a href="#">Installation</a></li>
<li><a href="#">Configuration</a></li><li><a href="#">API reference</a></li></ul></div>
<div class="document"><div class="body" role="main"><section id="configuration">
<h1>Configuration<a class="headerlink" href="#configuration">¶</a></h1>
<p>Widgetlib reads its settings from a <code>widgets.toml</code> file in the working directory, then from the environment.</p>
<div class="highlight"><pre><code>[widgets]
cache_size = 128
timeout = 5.0</code></pre></div>
<p>The <code>cache_size</code> setting bounds the number of rendered widgets kept in memory between calls.</p>
<p>The <code>timeout</code> setting is the number of seconds a widget may take to render before it is skipped.</p>
</section>""" + _DOCS_SECTIONS + """</div></div><div class="footer">Edit this page on GitHub</div></body></html>"""

SERVICE_FEATURES = (
    ("Run payroll in minutes", "Pay your team in a few clicks: taxes, deductions and payslips are worked out for you every pay day."),
    ("Stay compliant", "Payroll Pilot files your payroll taxes and year-end forms on time, and tells you when the rules change."),
    ("Benefits built in", "Offer health insurance, pensions and commuter benefits from the same dashboard you run payroll in."),
)
SERVICE = f"""<html><head><title>Payroll Software for Small Business | Payroll Pilot</title>
<meta property="og:type" content="website"><meta property="og:site_name" content="Payroll Pilot">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "Organization", "name": "Payroll Pilot"}}</script>
</head><body>{_NAV}
<main><section class="hero"><h1>Payday, without the headache</h1><p>Payroll software for small business owners who would rather be running their business.</p>
<a class="cta button" href="/signup">Get started</a> <a class="cta" href="/demo">Book a demo</a></section>
<section class="features">{"".join(f'<div class="feature"><h3>{title}</h3><p>{text}</p></div>' for title, text in SERVICE_FEATURES)}</section>
<section class="testimonials"><blockquote class="testimonial">"We switched to Payroll Pilot last year and payday now takes ten minutes." - Dana, bakery owner</blockquote></section>
<section class="pricing"><h2>Pricing</h2><div class="plan"><h3>Core</h3><p>$40 a month plus $6 per person</p><a class="cta" href="/signup">Start free trial</a></div></section>
</main>{_FOOTER}</body></html>"""
