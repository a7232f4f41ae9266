-- pg_dump style
COPY public.users (id, username, email, date_of_birth) FROM stdin;
1	user1	u1@example.com	1970-01-01
2	user2	u2@example.com	1970-01-01
3	user3	u3@example.com	1970-01-01
4	user4	u4@example.com	1970-01-01
5	user5	u5@example.com	1970-01-01
6	user6	u6@example.com	1970-01-01
7	user7	u7@example.com	1970-01-01
8	user8	u8@example.com	1970-01-01
9	user9	u9@example.com	1970-01-01
10	user10	u10@example.com	1970-01-01
11	user11	u11@example.com	1970-01-01
12	user12	u12@example.com	1970-01-01
13	user13	u13@example.com	1970-01-01
14	user14	u14@example.com	1970-01-01
15	user15	u15@example.com	1970-01-01
16	user16	u16@example.com	1970-01-01
17	user17	u17@example.com	1970-01-01
18	user18	u18@example.com	1970-01-01
19	user19	u19@example.com	1970-01-01
20	user20	u20@example.com	1970-01-01
21	user21	u21@example.com	1970-01-01
22	user22	u22@example.com	1970-01-01
23	user23	u23@example.com	1970-01-01
24	user24	u24@example.com	1970-01-01
25	user25	u25@example.com	1970-01-01
\.
